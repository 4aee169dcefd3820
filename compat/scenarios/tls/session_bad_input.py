import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def on_secure_connection(s):
    s.resume()
    s.end()


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, on_secure_connection)


def listening():
    opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'), 'servername': 'localhost'}
    for bad in ['str', 42, {}]:
        try:
            tls.connect(dict(opts, session=bad))
            show('connect accepted', bad)
        except Exception as e:
            show('connect throws', e, str(e), isinstance(e, TypeError))
    c = tls.connect(dict(opts, session=b'garbage'))
    for bad in [42, {}, None, None, True]:
        try:
            c.setSession(bad)
            show('setSession accepted', bad)
        except Exception as e:
            show('setSession throws', e, str(e))
    for ok, kind in [('not a session', 'string'), (b'', 'object'), (bytearray([1, 2, 3]), 'object')]:
        c.setSession(ok)
        show('setSession ignored', kind)
    c.on('secureConnect', lambda: show('secureConnect reused', c.isSessionReused(), c.authorized))
    c.resume()

    def on_close(*_):
        d = tls.connect(dict(opts, session=0))
        d.on('secureConnect', lambda: show('falsy session secureConnect reused', d.isSessionReused()))
        d.resume()
        d.on('close', lambda *_: server.close())
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
