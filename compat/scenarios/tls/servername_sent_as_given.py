# covers: servername (connect), servername (TLSSocket), SNICallback
import warnings

import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt

# Each end's lines apart, the client's first (the order between the two is the kernel's).
lines = {'client': [], 'server': []}


def show(who, *a):
    lines[who].append(' '.join(fmt(x) for x in (who,) + a))

names = ['.example', 'a..b', 'ex ample', '\u00e9.example', 'a.example.', 'x' * 300, '127.0.0.1', '::1']


def sni_callback(name, cb):
    show('server', 'SNICallback', name)
    cb(None, None)


def on_secure(sock):
    show('server', 'secureConnection', sock.servername)
    sock.end()


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'),
                           'SNICallback': sni_callback}, on_secure)


def run(i):
    if i == len(names):
        server.close()
        for line in lines['client'] + lines['server']:
            print(line)
        for w in issued:
            print(' '.join(fmt(x) for x in ('warning', w.category.__name__, w.message.code, str(w.message))))
        return
    servername = names[i]
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'servername': servername,
                        'rejectUnauthorized': False})
    closed = [0]

    def done(*_):
        closed[0] += 1
        if closed[0] == 2:
            run(i + 1)

    server.once('connection', lambda s: s.on('close', done))

    def on_secure_connect():
        show('client', 'secureConnect', len(servername), sock.servername)
        sock.end()

    sock.on('secureConnect', on_secure_connect)
    sock.on('error', lambda e: show('client', 'error', e.code))
    sock.on('close', done)
    sock.resume()


with warnings.catch_warnings(record=True) as issued:
    warnings.simplefilter('always')
    server.listen(0, '127.0.0.1', lambda: run(0))
    gnet.run()
