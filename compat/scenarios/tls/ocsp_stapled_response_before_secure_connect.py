import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides


def der(name):
    return ssl.PEM_cert_to_DER_cert(cert(name).decode())


def run(version, then):
    c, s, report = sides()

    def on_secure(sock):
        s('secureConnection', sock.getProtocol())
        sock.end()

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              on_secure)

    def on_request(certificate, issuer, callback):
        s('OCSPRequest', isinstance(certificate, bytes), certificate == der('server-cert.pem'), issuer,
          'function' if callable(callback) else callback)
        callback(None, b'not an OCSP response')

    server.on('OCSPRequest', on_request)

    def listening():
        sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                            'servername': 'localhost', 'requestOCSP': True})
        sock.on('OCSPResponse', lambda response: c('OCSPResponse', response, sock.secureConnecting))
        sock.on('secureConnect', lambda: c('secureConnect', sock.secureConnecting))

        def on_close(*_):
            server.close()
            report(version)
            then()

        sock.on('close', on_close)
        sock.resume()

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.3', lambda: run('TLSv1.2', lambda: None))
gnet.run()
