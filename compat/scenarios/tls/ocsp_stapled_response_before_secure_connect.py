import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def der(name):
    return ssl.PEM_cert_to_DER_cert(cert(name).decode())


def run(version, then):
    log = []

    def on_secure(sock):
        log.append(['server', 'secureConnection', sock.getProtocol()])
        sock.end()

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              on_secure)

    def on_request(certificate, issuer, callback):
        log.append(['server', 'OCSPRequest', isinstance(certificate, bytes), certificate == der('server-cert.pem'),
                    issuer, 'function' if callable(callback) else callback])
        callback(None, b'not an OCSP response')

    server.on('OCSPRequest', on_request)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': 'localhost', 'requestOCSP': True})
        c.on('OCSPResponse', lambda response: log.append(['client', 'OCSPResponse', response, c.secureConnecting]))
        c.on('secureConnect', lambda: log.append(['client', 'secureConnect', c.secureConnecting]))

        def on_close(*_):
            server.close()
            # One side at a time: the order between the two is the kernel's.
            for side in ('client', 'server'):
                for entry in log:
                    if entry[0] == side:
                        show(version, *entry)
            then()

        c.on('close', on_close)
        c.resume()

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.3', lambda: run('TLSv1.2', lambda: None))
gnet.run()
