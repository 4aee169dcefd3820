import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt

sni_options = {'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')}
sni_context = tls.createSecureContext(sni_options)
answers = [
    ('options', sni_options), ('array', []), ('buffer', b'x'), ('string', 'x'), ('number', 5),
    ('true', True), ('native', sni_context.context), ('wrapped', {'context': sni_context.context}),
]
client_log, server_log = [], []
c = lambda *a: client_log.append(' '.join(fmt(x) for x in a))
s = lambda *a: server_log.append(' '.join(fmt(x) for x in a))
state = {'name': None, 'answer': None}


def sni_callback(servername, callback):
    s(state['name'], 'SNICallback', servername)
    callback(None, state['answer'])


def on_secure(sock):
    s(state['name'], 'secureConnection')
    sock.end()


server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'),
                           'SNICallback': sni_callback}, on_secure)
server.on('tlsClientError', lambda err, sock: s(state['name'], 'tlsClientError', err, type(err).__name__, str(err),
                                                sock.destroyed))


# The next connection starts once both ends of this one have closed.
def done():
    state['pending'] -= 1
    if state['pending'] == 0:
        state['next']()


def on_server_close(*_):
    s(state['name'], 'close')
    done()


server.on('connection', lambda sock: sock.on('close', on_server_close))

names = [v + ' ' + n for v in ('TLSv1.3', 'TLSv1.2') for n, _ in answers]


def run(i):
    if i == len(names):
        server.close()
        for line in client_log:
            print('client', line)
        for line in server_log:
            print('server', line)
        return
    name = state['name'] = names[i]
    state['answer'] = answers[i % len(answers)][1]
    state['pending'] = 2
    state['next'] = lambda: run(i + 1)
    sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                        'servername': 'sni.example', 'maxVersion': name.split(' ')[0],
                        'checkServerIdentity': lambda *a: None})
    sock.on('secureConnect', lambda: c(name, 'secureConnect', sock.getPeerCertificate()['subject']['CN']))
    sock.on('error', lambda err: c(name, 'error', err, str(err)))

    def on_close(*_):
        c(name, 'close')
        done()

    sock.on('close', on_close)
    sock.resume()


server.listen(0, '127.0.0.1', lambda: run(0))
gnet.run()
