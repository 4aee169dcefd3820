import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')},
                          lambda sock: show('secureConnection'))
client = [None]


def on_request(certificate, issuer, callback):
    show('OCSPRequest')
    client[0].destroy()

    def later():
        show('calling back')
        callback(None, b'too late')
        show('called back')
        server.close()

    server.once('tlsClientError', lambda *_: gnet.setTimeout(later, 20))


server.on('OCSPRequest', on_request)
server.on('tlsClientError', lambda err, sock: show('tlsClientError', err, str(err), sock.destroyed))
server.on('connection', lambda sock: sock.on('close', lambda *_: show('close')))


def listening():
    client[0] = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                             'servername': 'localhost', 'requestOCSP': True})
    client[0].on('error', lambda err: show('client error', err))


server.listen(0, '127.0.0.1', listening)
gnet.run()
