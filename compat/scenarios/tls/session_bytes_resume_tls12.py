import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

version = 'TLSv1.2'


def on_secure_connection(s):
    show('server secureConnection reused', s.isSessionReused())
    s.resume()
    s.end()


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

    def first_close(*_):
        show('first close', first.getSession())
        second = tls.connect(dict(opts, session=saved[0]))

        def second_secure():
            again = second.getSession()
            show('second secureConnect', second.isSessionReused(), second.authorized, isinstance(again, bytes))

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
