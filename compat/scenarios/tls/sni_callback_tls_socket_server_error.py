# covers: SNICallback, TLSSocket, isServer
# A hand-made server-side TLSSocket whose SNICallback answers an error, throws,
# or calls back twice: the socket is destroyed with that error (its 'error',
# no tls.Server to hear 'tlsClientError'), inside the handshake for the first
# two, so the client sees the connection go. TLS 1.3, then TLS 1.2.
import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides

context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
sni_context = tls.createSecureContext({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})
cases = [v + ' ' + n for v in ('TLSv1.3', 'TLSv1.2') for n in ('error', 'throws', 'twice')]
state = {'i': 0, 'closed': 0}
c, s, report = sides()


class Thrown(Exception):
    code = 'THROWN'


def closed_one(*_):
    state['closed'] += 1
    if state['closed'] % 2 == 0:
        state['i'] += 1
        next_case()


def sni_callback(servername, callback):
    n = cases[state['i']]
    s(n, 'SNICallback', servername)
    if n.endswith('error'):
        callback(Exception('x'))
    elif n.endswith('throws'):
        raise Thrown('thrown')
    else:
        callback(None, sni_context)
        callback(None, sni_context)


def on_connection(raw):
    n = cases[state['i']]
    sock = tls.TLSSocket(raw, {'isServer': True, 'secureContext': context, 'SNICallback': sni_callback})

    def on_close(had_error):
        s(n, 'close', had_error, raw.destroyed)
        closed_one()

    sock.on('secure', lambda: s(n, 'secure'))
    sock.on('error', lambda err: s(n, 'error', err, str(err)))
    sock.on('close', on_close)


server = gnet.createServer(on_connection)


def next_case():
    if state['i'] == len(cases):
        server.close()
        report()
        return
    n = cases[state['i']]
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                        'servername': 'sni.example', 'maxVersion': n.split(' ')[0]})

    def on_close(*_):
        c(n, 'close')
        closed_one()

    sock.on('secureConnect', lambda: c(n, 'secureConnect', sock.getPeerCertificate()['subject']['CN']))
    sock.on('error', lambda err: c(n, 'error', err, str(err)))
    sock.on('close', on_close)
    sock.resume()


server.listen(0, '127.0.0.1', next_case)
gnet.run()
