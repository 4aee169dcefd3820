import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def lifetime_hint(der):
    # The SSL_SESSION SEQUENCE's children; [9] holds an INTEGER.
    i = 2 + (der[1] & 0x7f) if der[1] & 0x80 else 2
    while i < len(der):
        tag = der[i]
        length = der[i + 1]
        head = 2
        if length & 0x80:
            n = length & 0x7f
            length = int.from_bytes(der[i + 2:i + 2 + n], 'big')
            head += n
        if tag == 0xa9:
            return int.from_bytes(der[i + head + 2:i + head + 2 + der[i + head + 1]], 'big')
        i += head + length
    return None


base = {'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}
cases = [
    ('TLSv1.2 sessionTimeout 42', dict(base, maxVersion='TLSv1.2', sessionTimeout=42)),
    ('TLSv1.3 sessionTimeout 42', dict(base, maxVersion='TLSv1.3', sessionTimeout=42)),
    ('TLSv1.3 no sessionTimeout', dict(base, maxVersion='TLSv1.3')),
    ('TLSv1.3 server sessionTimeout 0', dict(base, maxVersion='TLSv1.3', sessionTimeout=0)),
    ('TLSv1.3 SNI context sessionTimeout 5', dict(
        base, maxVersion='TLSv1.3', sessionTimeout=42,
        SNICallback=lambda name, cb: cb(None, tls.createSecureContext(dict(base, sessionTimeout=5))))),
    ('TLSv1.2 TLSSocket context sessionTimeout 0', dict(base, maxVersion='TLSv1.2'), 0),
    ('TLSv1.3 TLSSocket context sessionTimeout 3', dict(base, maxVersion='TLSv1.3'), 3),
]


def echo(s):
    s.on('data', lambda d: s.end(d))


def next_case(*_):
    if not cases:
        return
    item = cases.pop(0)
    name, opts = item[0], item[1]
    if len(item) == 2:
        server = tls.createServer(opts, echo)
    else:
        # A server-side TLSSocket over a net server's socket, with its own context.
        secure_context = tls.createSecureContext(dict(opts, sessionTimeout=item[2]))

        def on_connection(raw):
            echo(tls.TLSSocket(raw, {'isServer': True, 'secureContext': secure_context}))
        server = gnet.createServer(on_connection)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': 'localhost'})
        hints = []
        c.on('session', lambda session: hints.append(lifetime_hint(session)))
        c.on('secureConnect', lambda: c.write('x'))
        c.resume()

        def on_close(*_):
            show(name, 'server.sessionTimeout', getattr(server, 'sessionTimeout', None),
                 'hints', ' '.join(str(h) for h in hints))
            server.close(next_case)
        c.on('close', on_close)
    server.listen(0, '127.0.0.1', listening)


next_case()
gnet.run()
