import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt

sni_context = tls.createSecureContext({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})
sni_der = ssl.PEM_cert_to_DER_cert(cert('sni-cert.pem').decode('ascii'))
log = []
# Each side's lines apart (the order between the two is the kernel's).
l = lambda *a: log.append((1 if a[1].startswith('client') else 2, ' '.join(fmt(x) for x in a)))
cases = [(v, n) for v in ('TLSv1.3', 'TLSv1.2') for n in ('later', 'addContext', 'no servername')]


def run(i):
    if i == len(cases):
        for side in (1, 2):
            for s, line in log:
                if s == side:
                    print(line)
        return
    version, kind = cases[i]
    name = version + ' ' + kind
    opts = {'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')}
    if kind != 'addContext':
        def sni_callback(servername, callback):
            l(name, 'SNICallback', servername)

            def answer():
                l(name, 'SNICallback answers')
                callback(None, sni_context)
            gnet.setTimeout(answer, 20)
        opts['SNICallback'] = sni_callback

    def on_secure(sock):
        l(name, 'secureConnection', sock.servername)
        sock.end()

    server = tls.createServer(opts, on_secure)
    if kind == 'addContext':
        server.addContext('*.example', {'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})

    def on_request(certificate, issuer, callback):
        l(name, 'OCSPRequest', certificate == sni_der, issuer is not None)
        callback(None, b'ok')

    server.on('OCSPRequest', on_request)

    def listening():
        copts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'), 'maxVersion': version,
                 'requestOCSP': True}
        if kind != 'no servername':
            copts['servername'] = 'sni.example'
        else:
            copts['checkServerIdentity'] = lambda *a: None
        sock = tls.connect(copts)
        sock.on('OCSPResponse', lambda response: l(name, 'client OCSPResponse', response))
        sock.on('secureConnect', lambda: l(name, 'client secureConnect', sock.authorized,
                                           sock.getPeerCertificate().get('subjectaltname')))
        sock.on('error', lambda err: l(name, 'client error', err))

        def on_close(*_):
            server.close()
            run(i + 1)

        sock.on('close', on_close)
        sock.resume()

    server.listen(0, '127.0.0.1', listening)


run(0)
gnet.run()
