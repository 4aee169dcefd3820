import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

# Each side's events are kept apart and printed at the end, client first
# (the order between the two sides is the kernel's).
client_log, server_log = [], []
c = lambda *a: client_log.append(a)
s = lambda *a: server_log.append(a)

# 'secure' on a tls.connect client follows 'secureConnect' (Node's own
# 'secure' listener emits it), and is emitted even when the server is
# rejected; a 'secure' listener added in 'secureConnection' or
# 'secureConnect' hears no first handshake.


def on_secure_connection(sock):
    s('server secureConnection')
    sock.on('secure', lambda: s('server secure (late listener)'))
    sock.resume()
    sock.on('end', lambda: sock.end())


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, on_secure_connection)
server.on('tlsClientError', lambda err, sock: s('server tlsClientError', err.code))

cases = [
    ('trusted TLSv1.3', {'ca': cert('ca.pem'), 'servername': 'localhost'}),
    ('trusted TLSv1.2', {'ca': cert('ca.pem'), 'servername': 'localhost', 'maxVersion': 'TLSv1.2'}),
    ('untrusted', {'servername': 'localhost'}),
    ('untrusted kept', {'servername': 'localhost', 'rejectUnauthorized': False}),
]


def next_case():
    if not cases:
        server.close()
        for line in client_log + server_log:
            show(*line)
        return
    name, opts = cases.pop(0)
    c('case', name)
    sock = tls.connect(dict({'port': server.address()['port'], 'host': '127.0.0.1'}, **opts),
                       lambda: c('client connect callback'))
    sock.on('connect', lambda: c('client connect'))

    def on_secure_connect():
        c('client secureConnect', sock.authorized, sock.authorizationError, sock.getProtocol())
        sock.on('secure', lambda: c('client secure (late listener)'))
        sock.end()
    sock.on('secureConnect', on_secure_connect)
    sock.on('secure', lambda: c('client secure', sock.destroyed, sock.authorized, sock.authorizationError,
                                   sock.secureConnecting))
    sock.on('error', lambda err: c('client error', err.code))

    def on_close(had_error):
        c('client close', had_error)
        next_case()
    sock.on('close', on_close)


server.listen(0, '127.0.0.1', next_case)
gnet.run()
