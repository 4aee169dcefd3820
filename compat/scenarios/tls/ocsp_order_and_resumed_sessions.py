import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert, session_store, sides


def run(version, then):
    c, s, report = sides()

    def on_secure(sock):
        s('secureConnection', sock.isSessionReused())
        sock.on('data', lambda d: sock.end(d))

    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              on_secure)

    def on_request(certificate, issuer, callback):
        s('OCSPRequest')
        callback(None, b'ok')

    server.on('OCSPRequest', on_request)
    if version == 'TLSv1.2':
        # TLS 1.3 resumes from tickets, which need no store.
        session_store(server, s)

    def listening():
        opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                'servername': 'localhost', 'requestOCSP': True}
        if version == 'TLSv1.2':
            opts['secureOptions'] = ssl.OP_NO_TICKET

        def connect(name, session, after):
            sock = tls.connect(dict(opts, session=session))
            kept = [None]

            def on_session(data):
                kept[0] = data

            def on_secure_connect():
                c(name, 'secureConnect', sock.isSessionReused())
                sock.write('ping')

            sock.on('session', on_session)
            sock.on('OCSPResponse', lambda response: c(name, 'OCSPResponse', response))
            sock.on('secureConnect', on_secure_connect)
            sock.on('data', lambda d: None)
            sock.on('close', lambda *_: after(kept[0]))

        def finish(_):
            server.close()
            report(version)
            then()

        connect('first', None, lambda session: connect('second', session, finish))

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.2', lambda: run('TLSv1.3', lambda: None))
gnet.run()
