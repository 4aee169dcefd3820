import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def run(version, then):
    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              lambda sock: sock.end())
    server.on('OCSPRequest', lambda certificate, issuer, callback: callback(None, b'revoked'))
    server.on('tlsClientError', lambda *_: None)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': 'localhost', 'requestOCSP': True})

        def on_response(response):
            show(version, 'OCSPResponse', response)
            c.destroy(Exception('certificate revoked'))

        def on_close(had_error):
            show(version, 'close', had_error)
            server.close()
            then()

        c.on('OCSPResponse', on_response)
        c.on('secureConnect', lambda: show(version, 'secureConnect'))
        c.on('error', lambda err: show(version, 'error', str(err)))
        c.on('close', on_close)

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.3', lambda: run('TLSv1.2', lambda: None))
gnet.run()
