import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

names = ['server', 'sni', 'client', 'expired']
ders = [ssl.PEM_cert_to_DER_cert(cert(n + '-cert.pem').decode('ascii')) for n in names]
ctx = lambda n: {'key': cert(n + '-key.pem'), 'cert': cert(n + '-cert.pem')}
cases = [
    ([('Example.COM', 'sni')], 'example.com'),
    ([('Example.COM', 'sni')], 'Example.COM'),
    ([('*.example', 'sni')], 'a.example'),
    ([('*.example', 'sni')], 'A.EXAMPLE'),
    ([('*.example', 'sni')], 'x.y.example'),
    ([('(a|b).example', 'sni')], 'b.example'),
    ([('(a|b).example', 'sni')], '(a|b).example'),
    ([('a+.example', 'sni')], 'a+.example'),
    ([('a+.example', 'sni')], 'aa.example'),
    ([('a?.example', 'sni')], 'a?.example'),
    ([('a?.example', 'sni')], 'a.example'),
    ([('[ab].example', 'sni')], '[ab].example'),
    ([('[ab].example', 'sni')], 'a.example'),
    ([('a.example|b', 'sni')], 'zzb'),
    ([('a.example|b', 'sni')], 'a.example.zz'),
    ([('a.ex', 'sni')], 'a.example'),
    ([('a.example', 'sni')], 'aXexample'),
    ([('*.example', 'sni'), ('a.example', 'client')], 'a.example'),
    ([('*.example', 'sni'), ('a.example', 'client')], 'b.example'),
    ([('a.example', 'client'), ('*.example', 'sni')], 'a.example'),
    ([('a.example', 'client'), ('a.example', 'expired')], 'a.example'),
]


def run(i):
    if i == len(cases):
        return
    added, servername = cases[i]
    seen = [None]

    def on_secure(sock):
        seen[0] = sock.servername
        sock.end()

    server = tls.createServer(ctx('server'), on_secure)
    for name, which in added:
        server.addContext(name, ctx(which))

    def listening():
        sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'servername': servername,
                            'rejectUnauthorized': False})

        def on_secure_connect():
            raw = sock.getPeerCertificate()['raw']
            show(['='.join(a) for a in added], servername, names[ders.index(raw)])

        def on_close(*_):
            show('server saw', seen[0])
            server.close()
            run(i + 1)

        sock.on('secureConnect', on_secure_connect)
        sock.on('error', lambda err: show(servername, 'client error', err))
        sock.on('close', on_close)
        sock.resume()

    server.listen(0, '127.0.0.1', listening)


run(0)
gnet.run()
