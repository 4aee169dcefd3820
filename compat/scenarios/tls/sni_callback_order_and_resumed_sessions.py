import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert, session_store, sides

sni_context = tls.createSecureContext({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})


def run(name, version, tickets, then):
    c, s, report = sides()

    def sni_callback(servername, callback):
        s('SNICallback', servername)
        callback(None, sni_context)

    def on_secure(sock):
        s('secureConnection', sock.isSessionReused(), sock.servername)
        sock.on('data', lambda d: sock.end(d))

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version,
                               'SNICallback': sni_callback}, on_secure)

    def on_request(certificate, issuer, callback):
        s('OCSPRequest')
        callback(None, b'ok')

    server.on('OCSPRequest', on_request)
    if not tickets:
        session_store(server, s)

    def listening():
        opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                'servername': 'sni.example', 'requestOCSP': True}
        if not tickets:
            opts['secureOptions'] = ssl.OP_NO_TICKET

        def connect(which, session, after):
            sock = tls.connect(dict(opts, session=session))
            kept = [None]

            def on_session(data):
                kept[0] = data

            def on_secure_connect():
                c(which, 'secureConnect', sock.isSessionReused(), sock.authorized,
                  '' if sock.isSessionReused() else sock.getPeerCertificate().get('subjectaltname'))
                sock.write('ping')

            sock.on('session', on_session)
            sock.on('OCSPResponse', lambda response: c(which, 'OCSPResponse', response))
            sock.on('secureConnect', on_secure_connect)
            sock.on('error', lambda err: c(which, 'error', err))
            sock.on('data', lambda d: None)
            sock.on('close', lambda *_: after(kept[0]))

        def finish(_):
            server.close()
            report(name)
            then()

        connect('first', None, lambda session: connect('second', session, finish))

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.2 session id', 'TLSv1.2', False, lambda: run('TLSv1.2 ticket', 'TLSv1.2', True,
    lambda: run('TLSv1.3 ticket', 'TLSv1.3', True, lambda: None)))
gnet.run()
