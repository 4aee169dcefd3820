import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def run(version, then):
    log = []

    def on_secure(sock):
        log.append(['server', 'secureConnection'])
        sock.end()

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              on_secure)

    def on_request(certificate, issuer, callback):
        log.append(['server', 'OCSPRequest'])

        def later():
            log.append(['server', 'callback'])
            callback(None, b'later')
        gnet.setTimeout(later, 30)

    server.on('OCSPRequest', on_request)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': 'localhost', 'requestOCSP': True})
        c.on('OCSPResponse', lambda response: log.append(['client', 'OCSPResponse', response]))
        c.on('secureConnect', lambda: log.append(['client', 'secureConnect']))

        def on_close(*_):
            server.close()
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
