import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def run(version, then):
    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              lambda sock: sock.end())
    server.on('OCSPRequest', lambda certificate, issuer, callback: callback(None, b'stapled'))

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': 'localhost', 'requestOCSP': True})
        c.on('keylog', lambda line: show(version, 'keylog', line.split(b' ')[0].decode()))
        c.on('OCSPResponse', lambda response: show(version, 'OCSPResponse', response))
        c.on('secureConnect', lambda: show(version, 'secureConnect'))

        def on_close(*_):
            server.close()
            then()

        c.on('close', on_close)
        c.resume()

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.3', lambda: run('TLSv1.2', lambda: None))
gnet.run()
