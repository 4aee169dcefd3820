import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt

client_log, server_log = [], []
c = lambda *a: client_log.append(' '.join(fmt(x) for x in a))
s = lambda *a: server_log.append(' '.join(fmt(x) for x in a))
count = [0]
server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')},
                          lambda sock: s('secureConnection'))


class ExampleError(Exception):
    code = 'EXAMPLE'


def on_resume_session(sid, cb):
    count[0] += 1
    s('resumeSession', count[0])
    if count[0] == 1:
        cb(ExampleError('no session store'))
    else:
        cb(None, None)
        cb(None, None)


server.on('resumeSession', on_resume_session)
server.on('tlsClientError', lambda err, sock: s('tlsClientError', err, str(err)))
server.on('connection', lambda sock: sock.on('close', lambda had_error: s('close', had_error)))


def listening():
    opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'), 'servername': 'localhost'}

    def run(name, then):
        sock = tls.connect(opts)
        sock.on('secureConnect', lambda: c(name, 'secureConnect'))
        sock.on('error', lambda err: c(name, 'error', err))

        def on_close(*_):
            c(name, 'close')
            then()
        sock.on('close', on_close)

    def finish():
        server.close()

        def report():
            for line in client_log:
                print('client', line)
            for line in server_log:
                print('server', line)
        gnet.setTimeout(report, 50)

    run('first', lambda: run('second', finish))


server.listen(0, '127.0.0.1', listening)
gnet.run()
