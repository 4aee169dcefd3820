import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

version = 'TLSv1.3'


def on_secure_connection(s):
    show('server secureConnection reused', s.isSessionReused())
    s.on('data', lambda d: s.end(d))


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                          on_secure_connection)


def listening():
    opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'), 'servername': 'localhost'}
    first = tls.connect(opts)
    show('before connect', first.getSession())
    saved = []

    def first_secure():
        session = first.getSession()
        saved.append(session)
        show('first secureConnect', isinstance(session, bytes), len(session) > 0, first.isSessionReused(),
             first.getProtocol())
        first.write('ping')

    def first_end():
        later = first.getSession()
        show('first end', isinstance(later, bytes), later == saved[0])
        saved[0] = later

    first.on('end', first_end)

    def first_close(*_):
        show('first close', first.getSession())
        second = tls.connect(dict(opts, session=saved[0]))
        second.on('session', lambda *_: show('second session'))

        def second_secure():
            again = second.getSession()
            show('second secureConnect', second.isSessionReused(), second.authorized, isinstance(again, bytes))
            second.write('ping')

        def second_close(*_):
            show('second close')
            server.close()
        second.on('secureConnect', second_secure)
        second.resume()
        second.on('close', second_close)

    first.on('secureConnect', first_secure)
    first.resume()
    first.on('close', first_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
