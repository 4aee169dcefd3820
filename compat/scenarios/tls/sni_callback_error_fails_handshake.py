import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides

sni_context = tls.createSecureContext({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})
c, s, report = sides()
state = {'name': None, 'stored': None}


class Example(Exception):
    def __init__(self, message, code):
        Exception.__init__(self, message)
        self.code = code
        self.message = message


def sni_callback(servername, callback):
    name = state['name']
    s(name, 'SNICallback', servername)
    if name.endswith('error'):
        callback(Example('no such host', 'EXAMPLE'))
    elif name.endswith('throws'):
        raise Example('thrown', 'THROWN')
    elif name.endswith('twice'):
        callback(None, sni_context)
        callback(None, sni_context)
    else:
        state['stored'] = callback
        callback(None, sni_context)


def on_secure(sock):
    name = state['name']
    s(name, 'secureConnection')
    sock.on('error', lambda err: s(name, 'socket error', err))
    if name.endswith('twice after'):
        state['stored'](None, None)
    else:
        sock.end()


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'),
                           'SNICallback': sni_callback}, on_secure)
server.on('tlsClientError', lambda err, sock: s(state['name'], 'tlsClientError', err, str(err), sock.destroyed))
server.on('connection', lambda sock: sock.on('close', lambda *_: s(state['name'], 'close')))

names = [v + ' ' + n for v in ('TLSv1.3', 'TLSv1.2') for n in ('error', 'throws', 'twice', 'twice after')]


def run(i):
    if i == len(names):
        server.close()
        report()
        return
    name = state['name'] = names[i]
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                        'servername': 'sni.example', 'maxVersion': name.split(' ')[0]})
    sock.on('secureConnect', lambda: c(name, 'secureConnect'))
    sock.on('error', lambda err: c(name, 'error', err, str(err)))

    def on_close(*_):
        c(name, 'close')
        gnet.setTimeout(lambda: run(i + 1), 20)

    sock.on('close', on_close)
    sock.resume()


server.listen(0, '127.0.0.1', lambda: run(0))
gnet.run()
