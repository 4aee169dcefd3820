import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

version = 'TLSv1.3'


def on_secure_connection(s):
    s.on('data', lambda d: s.end(d))


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                          on_secure_connection)


def listening():
    opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'), 'servername': 'localhost'}

    def run(name, session, then):
        c = tls.connect(dict(opts, session=session))
        last = [None]

        def on_secure():
            show(name, 'secureConnect', c.isSessionReused())
            c.write('ping')

        def on_session(s):
            if name == 'first':
                show(name, 'session', isinstance(s, bytes), c.secureConnecting)
            last[0] = s

        c.on('secureConnect', on_secure)
        c.on('session', on_session)
        c.on('data', lambda d: show(name, 'data', d.decode()))
        c.on('end', lambda: show(name, 'end'))

        def on_close(*_):
            show(name, 'close')
            then(last[0])
        c.on('close', on_close)

    run('first', None, lambda s: run('second', s, lambda _: server.close()))


server.listen(0, '127.0.0.1', listening)
gnet.run()
