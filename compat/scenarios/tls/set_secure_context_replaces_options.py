import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

# setSecureContext replaces the context: a 'ca' given before and left out
# now is no longer trusted (the client certificate is not verified), and a
# new 'cert' is served; requestCert stays the server's.


def on_secure(sock):
    show('server secureConnection', sock.authorized, sock.authorizationError)
    sock.end()


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'ca': cert('ca.pem'),
                           'requestCert': True, 'rejectUnauthorized': False}, on_secure)

steps = [
    ('first', None),
    ('same options', {'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'ca': cert('ca.pem')}),
    ('without ca', {'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}),
    ('another cert', {'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem'), 'ca': cert('ca.pem')}),
]


def next_step():
    if not steps:
        for bad in (None, 'x'):
            try:
                server.setSecureContext(bad)
            except Exception as err:
                show('setSecureContext', bad, err.code, str(err))
        server.close()
        return
    name, options = steps.pop(0)
    show('step', name)
    if options:
        server.setSecureContext(options)
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                        'key': cert('client-key.pem'), 'cert': cert('client-cert.pem'),
                        'rejectUnauthorized': False},
                       lambda: show('client secureConnect', sock.getPeerCertificate()['subject']['CN'],
                                    sock.authorizationError))
    sock.resume()
    sock.on('close', lambda *_: gnet.setImmediate(next_step))


server.listen(0, '127.0.0.1', next_step)
gnet.run()
