import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides

c, s, report = sides()
state = {'name': None, 'stored': None}


class ExampleError(Exception):
    code = 'EXAMPLE'


def on_secure(sock):
    name = state['name']
    s(name, 'secureConnection')
    sock.on('error', lambda err: s(name, 'socket error', err))
    if name == 'twice after':
        state['stored'](None, None)
    else:
        sock.end()


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, on_secure)


def on_request(certificate, issuer, callback):
    name = state['name']
    s(name, 'OCSPRequest')
    if name == 'error':
        callback(ExampleError('no OCSP responder'))
    elif name == 'string':
        callback('no staple today')
    elif name == 'falsy error':
        callback(0, b'stapled')
    elif name == 'twice':
        callback(None, b'first')
        callback(None, b'second')
    else:
        state['stored'] = callback
        callback(None, b'once')


server.on('OCSPRequest', on_request)
server.on('tlsClientError', lambda err, sock: s(state['name'], 'tlsClientError', err, str(err), sock.destroyed))
server.on('connection', lambda sock: sock.on('close', lambda *_: s(state['name'], 'close')))

names = ['error', 'string', 'falsy error', 'twice', 'twice after']


def run(i):
    if i == len(names):
        server.close()
        report()
        return
    name = state['name'] = names[i]
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                        'servername': 'localhost', 'requestOCSP': True})
    sock.on('OCSPResponse', lambda response: c(name, 'OCSPResponse', response))
    sock.on('secureConnect', lambda: c(name, 'secureConnect'))
    sock.on('error', lambda err: c(name, 'error', err))

    def on_close(*_):
        c(name, 'close')
        gnet.setTimeout(lambda: run(i + 1), 20)

    sock.on('close', on_close)
    sock.resume()


server.listen(0, '127.0.0.1', lambda: run(0))
gnet.run()
