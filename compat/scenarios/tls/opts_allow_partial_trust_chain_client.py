# covers: allowPartialTrustChain, UNABLE_TO_GET_ISSUER_CERT
# A client that trusts only the intermediate CA of the server's chain: the
# chain does not reach a root, unless allowPartialTrustChain (any truthy
# value) lets the intermediate be enough.
import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

server = tls.createServer({'key': cert('partial-server-key.pem'), 'cert': cert('partial-server-chain.pem')},
                          lambda sock: sock.end())
cases = [
    {'ca': cert('intermediate-ca.pem')},
    {'ca': cert('intermediate-ca.pem'), 'allowPartialTrustChain': True},
    {'ca': cert('intermediate-ca.pem'), 'allowPartialTrustChain': 1},
    {'ca': cert('intermediate-ca.pem'), 'allowPartialTrustChain': 0},
    {'ca': cert('other-ca.pem'), 'allowPartialTrustChain': True},
    {'secureContext': tls.createSecureContext({'ca': cert('intermediate-ca.pem'), 'allowPartialTrustChain': True})},
    {'ca': cert('intermediate-ca.pem'), 'allowPartialTrustChain': True, 'rejectUnauthorized': False,
     'servername': 'example.com'},
]


def next_case(i):
    if i == len(cases):
        server.close()
        return
    sock = tls.connect(dict({'port': server.address()['port'], 'host': '127.0.0.1'}, **cases[i]))
    sock.on('secureConnect', lambda: show(i, 'secureConnect', sock.authorized, sock.authorizationError))
    sock.on('error', lambda e: show(i, 'error', e, str(e)))
    sock.on('close', lambda *_: next_case(i + 1))
    sock.resume()


server.listen(0, '127.0.0.1', lambda: next_case(0))
gnet.run()
