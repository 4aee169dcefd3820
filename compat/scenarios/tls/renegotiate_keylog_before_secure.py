import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt


def label(line):
    return line.decode().split(' ')[0]


def run(initiator, next_run):
    client_log, server_log = [], []
    c = lambda *a: client_log.append(' '.join(fmt(x) for x in a))
    s = lambda *a: server_log.append(' '.join(fmt(x) for x in a))

    def on_secure_connection(sock):
        s('secureConnection')
        sock.on('secure', lambda: s('secure'))
        sock.on('data', lambda d: s('data', d.decode()))

        def on_end():
            s('end')
            sock.end()
        sock.on('end', on_end)
        if initiator == 'server':
            def callback(err):
                s('callback', err)
                sock.write('go')
            s('renegotiate returns', sock.renegotiate({}, callback))

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'),
                               'maxVersion': 'TLSv1.2'}, on_secure_connection)
    server.on('keylog', lambda line, sock: s('keylog', label(line)))

    def listening():
        sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                            'servername': 'localhost'})
        handshakes = [0]
        sock.on('keylog', lambda line: c('keylog', label(line)))
        sock.on('secure', lambda: c('secure'))

        def on_secure_connect():
            c('secureConnect')
            handshakes[0] += 1
            if handshakes[0] > 1 or initiator != 'client':
                return

            def callback(err):
                c('callback', err)
                sock.end('bye')
            c('renegotiate returns', sock.renegotiate({}, callback))
        sock.on('secureConnect', on_secure_connect)

        def on_data(d):
            c('data', d.decode())
            sock.end('bye')
        sock.on('data', on_data)

        def on_close(*_):
            c('close')
            server.close()
            for line in client_log:
                print(initiator, 'renegotiates: client', line, flush=True)
            for line in server_log:
                print(initiator, 'renegotiates: server', line, flush=True)
            next_run()
        sock.on('close', on_close)

    server.listen(0, '127.0.0.1', listening)


run('client', lambda: run('server', lambda: None))
gnet.run()
