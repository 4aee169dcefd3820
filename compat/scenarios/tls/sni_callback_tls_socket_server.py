# covers: SNICallback, TLSSocket, isServer
# A server-side TLSSocket made by hand (a net.Server's 'connection' wraps the
# raw socket, no tls.Server) calls its own SNICallback with the name the
# client sent; the context it answers gives the connection its certificate.
# A client that sends no name gets no call and the socket's own certificate.
import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides

context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
sni_context = tls.createSecureContext({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})
cases = ['sni.example', None]
state = {'i': 0, 'closed': 0}
c, s, report = sides()


def closed_one(*_):
    state['closed'] += 1
    if state['closed'] % 2 == 0:
        state['i'] += 1
        next_case()


def on_connection(raw):
    n = cases[state['i']]

    def sni_callback(servername, callback):
        s(n, 'SNICallback', servername)
        callback(None, sni_context)

    sock = tls.TLSSocket(raw, {'isServer': True, 'secureContext': context, 'SNICallback': sni_callback})

    def on_secure():
        s(n, 'secure', sock.servername, sock.getCertificate()['subject']['CN'])
        sock.end()

    def on_close(*_):
        s(n, 'close')
        closed_one()

    sock.on('secure', on_secure)
    sock.on('error', lambda err: s(n, 'error', err, str(err)))
    sock.on('close', on_close)


server = gnet.createServer(on_connection)


def next_case():
    if state['i'] == len(cases):
        server.close()
        report()
        return
    n = cases[state['i']]
    opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem')}
    if n:
        opts['servername'] = n
    else:
        opts['checkServerIdentity'] = lambda *_: None
    sock = tls.connect(opts)

    def secure_connect():
        c(n, 'secureConnect', sock.getPeerCertificate()['subject']['CN'], sock.authorized, sock.authorizationError)

    def on_close(*_):
        c(n, 'close')
        closed_one()

    sock.on('secureConnect', secure_connect)
    sock.on('error', lambda err: c(n, 'error', err))
    sock.on('close', on_close)
    sock.resume()


server.listen(0, '127.0.0.1', next_case)
gnet.run()
