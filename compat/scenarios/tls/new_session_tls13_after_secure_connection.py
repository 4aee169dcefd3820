import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt

client_log, server_log = [], []
c = lambda *a: client_log.append(' '.join(fmt(x) for x in a))
s = lambda *a: server_log.append(' '.join(fmt(x) for x in a))
store = {}
ids = []


def on_secure_connection(sock):
    s('secureConnection', sock.isSessionReused())
    sock.on('data', lambda d: sock.end(d))


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': 'TLSv1.3'},
                          on_secure_connection)


def on_new_session(sid, data, cb):
    s('newSession', isinstance(sid, bytes), len(sid), isinstance(data, bytes), 'function' if callable(cb) else cb)
    ids.append(sid)
    store[sid.hex()] = data
    cb()


def on_resume_session(sid, cb):
    s('resumeSession', isinstance(sid, bytes), len(sid), sid.hex() in store, sid in ids,
      'function' if callable(cb) else cb)
    cb(None, store.get(sid.hex()))


server.on('newSession', on_new_session)
server.on('resumeSession', on_resume_session)


def listening():
    opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'), 'servername': 'localhost'}

    def run(name, session, then):
        sock = tls.connect(dict(opts, session=session))

        def on_secure():
            c(name, 'secureConnect', sock.isSessionReused())
            sock.write('ping')

        def on_close(*_):
            c(name, 'close')
            then(kept[0])

        kept = [None]

        def on_end():
            c(name, 'end')
            kept[0] = sock.getSession()

        sock.on('secureConnect', on_secure)
        sock.on('data', lambda d: c(name, 'data', d.decode()))
        sock.on('close', on_close)
        sock.on('end', on_end)

    def finish(_):
        server.close()
        for line in client_log:
            print('client', line)
        for line in server_log:
            print('server', line)

    def second(session):
        run('second', session, finish)

    run('first', None, second)


server.listen(0, '127.0.0.1', listening)
gnet.run()
