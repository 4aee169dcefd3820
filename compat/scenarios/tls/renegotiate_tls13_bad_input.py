import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def on_secure_connection(s):
    s.resume()
    s.on('end', lambda: s.end())


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, on_secure_connection)


def listening():
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                     'servername': 'localhost'})
    c.on('secure', lambda: show('client secure'))

    def on_secure_connect():
        show('secureConnect', c.getProtocol())
        for opts, cb in [(None, None), (42, None), ('x', None), ([], None), ({}, 42)]:
            try:
                c.renegotiate(opts, cb)
                show('accepted', opts, cb)
            except Exception as e:
                show('throws', e, str(e), isinstance(e, TypeError))

        def callback(err):
            show('callback', err, str(err), err.library, err.reason, isinstance(err, Exception))
            show('no callback returns', c.renegotiate({'rejectUnauthorized': False}))
            c.end()
        ret = c.renegotiate({}, callback)
        show('returned', ret)
    c.on('secureConnect', on_secure_connect)

    def on_close(*_):
        show('destroyed returns', c.renegotiate({}, lambda: show('destroyed callback')))
        gnet.setImmediate(server.close)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
