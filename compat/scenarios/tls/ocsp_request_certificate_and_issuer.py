import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def der(name):
    return ssl.PEM_cert_to_DER_cert(cert(name).decode())


key = cert('server-key.pem')
sni = {'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')}


def sni_callback(name, cb):
    show('SNICallback', name)
    cb(None, tls.createSecureContext(sni))


def sni_callback_no_context(name, cb):
    show('SNICallback', name)
    cb(None, None)


cases = [
    ('leaf alone', {'key': key, 'cert': cert('server-cert.pem')}, 'localhost', None),
    ('chain', {'key': key, 'cert': cert('server-chain.pem')}, 'localhost', None),
    ('ca', {'key': key, 'cert': cert('server-cert.pem'), 'ca': cert('ca.pem')}, 'localhost', None),
    ('addContext', {'key': key, 'cert': cert('server-cert.pem')}, 'sni.example',
     lambda server: server.addContext('sni.example', sni)),
    ('addContext ca', {'key': key, 'cert': cert('server-cert.pem')}, 'sni.example',
     lambda server: server.addContext('sni.example', dict(sni, ca=cert('ca.pem')))),
    ('SNICallback', {'key': key, 'cert': cert('server-cert.pem'), 'SNICallback': sni_callback}, 'sni.example', None),
    ('SNICallback no context', {'key': key, 'cert': cert('server-cert.pem'), 'ca': cert('ca.pem'),
                                'SNICallback': sni_callback_no_context}, 'sni.example', None),
]


def run(i):
    if i == len(cases):
        return
    name, opts, servername, setup = cases[i]
    server = tls.createServer(opts, lambda sock: sock.end())
    if setup:
        setup(server)

    def on_request(certificate, issuer, callback):
        show(name, 'OCSPRequest', 'server', certificate == der('server-cert.pem'),
             'sni', certificate == der('sni-cert.pem'), 'issuer', issuer and issuer == der('ca.pem'))
        callback(None, None)

    server.on('OCSPRequest', on_request)

    def listening():
        c = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                         'servername': servername, 'requestOCSP': True})
        c.on('secureConnect', lambda: show(name, 'secureConnect', c.authorized))
        c.on('error', lambda err: show(name, 'error', err))

        def on_close(*_):
            server.close()
            run(i + 1)

        c.on('close', on_close)
        c.resume()

    server.listen(0, '127.0.0.1', listening)


run(0)
gnet.run()
