import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

state = {'name': None}
server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, lambda sock: sock.end())


def on_request(certificate, issuer, callback):
    name = state['name']
    if name == 'typed array':
        callback(None, bytearray([1, 2, 3]))
        return
    for response in ('text', 42):
        try:
            callback(None, response)
            show(name, 'no throw')
        except Exception as err:
            show(name, 'throws', err, isinstance(err, TypeError), str(err))
    gnet.setTimeout(lambda: callback(None, None), 20)


server.on('OCSPRequest', on_request)
server.on('tlsClientError', lambda err, sock: show(state['name'], 'tlsClientError', err))


def connect(label, then):
    state['name'] = label
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                     'servername': 'localhost', 'requestOCSP': True})
    c.on('OCSPResponse', lambda response: show(label, 'OCSPResponse', response))
    c.on('secureConnect', lambda: show(label, 'secureConnect'))
    c.on('error', lambda err: show(label, 'error', err))
    c.on('close', lambda *_: then())
    c.resume()


server.listen(0, '127.0.0.1', lambda: connect('text', lambda: connect('typed array', lambda: server.close())))
gnet.run()
