import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

state = {'name': None}
server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, lambda sock: sock.end())


def stapler(certificate, issuer, callback):
    show(state['name'], 'OCSPRequest')
    callback(None, b'r')


def on_connection(sock):
    name = state['name']
    show(name, 'connection', server.listenerCount('OCSPRequest'))
    if name == 'added on connection':
        server.on('OCSPRequest', stapler)
    elif name == 'removed on connection':
        server.removeListener('OCSPRequest', stapler)


server.on('connection', on_connection)


def connect(label, then):
    state['name'] = label
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                     'servername': 'localhost', 'requestOCSP': True})
    c.on('OCSPResponse', lambda response: show(label, 'OCSPResponse', response))
    c.on('secureConnect', lambda: show(label, 'secureConnect'))
    c.on('close', lambda *_: then())
    c.resume()


server.listen(0, '127.0.0.1', lambda: connect(
    'added on connection', lambda: connect('present', lambda: connect('removed on connection', server.close))))
gnet.run()
