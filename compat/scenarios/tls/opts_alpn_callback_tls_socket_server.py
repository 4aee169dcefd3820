# covers: ALPNCallback, TLSSocket, isServer
# A server-side TLSSocket (over a net.Server's socket) with its own
# ALPNCallback: it chooses for its connection; a result the client did not
# offer is that socket's 'error'.
import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
results = ['b', 'zz']
state = {'i': 0, 'closed': 0}


def closed_one(*_):
    state['closed'] += 1
    if state['closed'] % 2 == 0:
        state['i'] += 1
        next_case()


def on_connection(raw):
    n = state['i']
    sock = tls.TLSSocket(raw, {'isServer': True, 'secureContext': context,
                               'ALPNCallback': lambda info: results[n]})
    sock.on('secure', lambda: show(n, 'server secure', sock.alpnProtocol))
    sock.on('error', lambda err: show(n, 'server error', err, str(err)))

    def on_close(*_):
        show(n, 'server close')
        closed_one()
    sock.on('close', on_close)


server = gnet.createServer(on_connection)


def next_case():
    i = state['i']
    if i == len(results):
        server.close()
        return
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                        'ALPNProtocols': ['a', 'b']})

    def secure_connect():
        show(i, 'client secureConnect', sock.alpnProtocol)
        sock.end()

    sock.on('secureConnect', secure_connect)
    sock.on('error', lambda err: show(i, 'client error', err))
    sock.on('close', closed_one)


server.listen(0, '127.0.0.1', next_case)
gnet.run()
