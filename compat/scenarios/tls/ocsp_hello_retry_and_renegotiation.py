import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def run(name, server_opts, renegotiate, then):
    def on_secure(sock):
        sock.on('data', lambda d: sock.write(d))
        sock.on('end', lambda: sock.end())

    server = tls.createServer(dict({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, **server_opts),
                              on_secure)

    def on_request(certificate, issuer, callback):
        show(name, 'OCSPRequest')
        callback(None, b'stapled')

    server.on('OCSPRequest', on_request)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': 'localhost', 'requestOCSP': True})
        renegotiated = [False]

        def on_secure_connect():
            show(name, 'secureConnect', c.getProtocol())
            if not renegotiate or renegotiated[0]:
                c.end()
                return
            renegotiated[0] = True
            c.renegotiate({}, lambda err: show(name, 'renegotiated', err))

        def on_close(*_):
            server.close()
            then()

        c.on('OCSPResponse', lambda response: show(name, 'OCSPResponse', response))
        c.on('secureConnect', on_secure_connect)
        c.on('close', on_close)
        c.resume()

    server.listen(0, '127.0.0.1', listening)


run('hello retry', {'ecdhCurve': 'P-384'}, False,
    lambda: run('renegotiation', {'maxVersion': 'TLSv1.2'}, True, lambda: None))
gnet.run()
