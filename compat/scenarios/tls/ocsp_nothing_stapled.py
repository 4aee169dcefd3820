import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

answers = [
    ('null', lambda cb: cb(None, None)),
    ('no response', lambda cb: cb(None)),
    ('empty buffer', lambda cb: cb(None, b'')),
    ('zero', lambda cb: cb(None, 0)),
    ('empty string', lambda cb: cb(None, '')),
]
answer = [None]
server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}, lambda sock: sock.end())


def on_request(certificate, issuer, callback):
    show(answer[0][0], 'OCSPRequest')
    answer[0][1](callback)


server.on('OCSPRequest', on_request)


def connect(name, request_ocsp, then):
    c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                     'servername': 'localhost', 'requestOCSP': request_ocsp})
    c.on('OCSPResponse', lambda response: show(name, 'OCSPResponse', response))
    c.on('secureConnect', lambda: show(name, 'secureConnect'))
    c.on('close', lambda *_: then())
    c.resume()


def each(i):
    if i < len(answers):
        answer[0] = answers[i]
        connect(answers[i][0], True, lambda: each(i + 1))
        return
    server.removeListener('OCSPRequest', on_request)

    def not_requested():
        server.on('OCSPRequest', lambda *_: show('not requested', 'OCSPRequest'))
        connect('not requested', False, lambda: server.close())

    connect('no listener', True, not_requested)


server.listen(0, '127.0.0.1', lambda: each(0))
gnet.run()
