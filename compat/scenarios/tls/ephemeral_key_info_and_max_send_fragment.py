import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def run(version, curve, then):
    def on_secure_connection(s):
        show('server', s.getEphemeralKeyInfo())
        s.resume()
        s.end()

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              on_secure_connection)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'ecdhCurve': curve})
        show('before', c.getEphemeralKeyInfo())
        for size in [512, 511, 16384, 16385, -1, '1', 1.5, 2 ** 31]:
            try:
                show('setMaxSendFragment', size, c.setMaxSendFragment(size))
            except Exception as e:
                show('setMaxSendFragment', size, e, str(e))
        c.on('secureConnect', lambda: show(version, 'client', c.getEphemeralKeyInfo(), c.setMaxSendFragment(1024)))
        c.resume()

        def on_close(*_):
            show('after', c.getEphemeralKeyInfo())
            server.close()
            then()
        c.on('close', on_close)

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.3', 'auto', lambda: run('TLSv1.2', 'prime256v1', lambda: None))
gnet.run()
