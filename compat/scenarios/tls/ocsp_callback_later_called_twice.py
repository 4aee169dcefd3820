import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides


def run(version, then):
    c, s, report = sides()
    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              lambda sock: s('secureConnection'))

    def on_request(certificate, issuer, callback):
        s('OCSPRequest')

        def later():
            callback(None, b'first')
            callback(None, b'second')
        gnet.setTimeout(later, 20)

    server.on('OCSPRequest', on_request)
    server.on('tlsClientError', lambda err, sock: s('tlsClientError', err, sock.destroyed))

    def listening():
        sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                            'servername': 'localhost', 'requestOCSP': True})
        sock.on('OCSPResponse', lambda response: c('OCSPResponse', response))
        sock.on('secureConnect', lambda: c('secureConnect'))
        sock.on('error', lambda err: c('error', err))

        def on_close(*_):
            server.close()
            report(version)
            then()

        sock.on('close', on_close)
        sock.resume()

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.3', lambda: run('TLSv1.2', lambda: None))
gnet.run()
