# covers: TLSSocket server option, 'resumeSession' (Server), 'newSession' (Server), 'OCSPRequest' (Server)
# A server-side TLSSocket made by hand with {server: tlsServer} (a tls.Server
# that never listens) emits that server's 'resumeSession', 'newSession' and
# 'OCSPRequest', in a tls.Server connection's order; 'OCSPRequest' gets the
# tls.Server's own certificate, not the one the socket serves. Neither the
# server's addContext contexts nor 'secureConnection' take part, and the
# socket's 'server' is the option.
import ssl

import gnet
import gnet.tls as tls
from compat.tls_case import cert, sides


def der(name):
    return ssl.PEM_cert_to_DER_cert(cert(name).decode('ascii'))


def which(b):
    if b is None:
        return None
    return 'server-cert' if b == der('server-cert.pem') else 'sni-cert' if b == der('sni-cert.pem') else 'other'


def run(version, then):
    c, s, report = sides()
    context = tls.createSecureContext({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
    tls_server = tls.createServer({'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})
    tls_server.addContext('localhost', {'key': cert('sni-key.pem'), 'cert': cert('sni-cert.pem')})
    store = {}
    # Each connection goes on once both of its sides have closed.
    state = {'closed': 0, 'after_close': None}

    def closed_one(*_):
        state['closed'] += 1
        if state['closed'] % 2 == 0:
            state['after_close']()

    def new_session(session_id, data, cb):
        s('newSession')
        store[session_id.hex()] = data
        cb()

    def resume_session(session_id, cb):
        s('resumeSession')
        cb(None, store.get(session_id.hex()))

    def ocsp_request(certificate, issuer, cb):
        s('OCSPRequest', which(certificate), issuer)
        cb(None, b'ok')

    tls_server.on('newSession', new_session)
    tls_server.on('resumeSession', resume_session)
    tls_server.on('OCSPRequest', ocsp_request)
    tls_server.on('secureConnection', lambda *_: s('secureConnection'))
    tls_server.on('tlsClientError', lambda err, *_: s('tlsClientError', err))

    def on_connection(raw):
        sock = tls.TLSSocket(raw, {'isServer': True, 'server': tls_server, 'secureContext': context})
        s('server option', sock.server is tls_server)

        def on_close(*_):
            s('close')
            closed_one()

        sock.on('secure', lambda: s('secure', sock.isSessionReused(), sock.getCertificate()['subject']['CN']))
        sock.on('data', lambda d: sock.end(d))
        sock.on('error', lambda err: s('error', err))
        sock.on('close', on_close)

    server = gnet.createServer(on_connection)

    def listening():
        opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                'servername': 'localhost', 'requestOCSP': True, 'maxVersion': version}
        if version == 'TLSv1.2':
            opts['secureOptions'] = ssl.OP_NO_TICKET

        def connect(name, session, after):
            sock = tls.connect(dict(opts, session=session))
            kept = [None]

            def on_session(data):
                kept[0] = data

            def on_secure_connect():
                c(name, 'secureConnect', sock.isSessionReused(),
                  sock.isSessionReused() or sock.getPeerCertificate()['subject']['CN'])
                sock.write('ping')

            sock.on('session', on_session)
            sock.on('OCSPResponse', lambda response: c(name, 'OCSPResponse', response))
            sock.on('secureConnect', on_secure_connect)
            sock.on('data', lambda d: None)
            sock.on('error', lambda err: c(name, 'error', err))
            state['after_close'] = lambda: after(kept[0])
            sock.on('close', closed_one)

        def finish(_):
            server.close()
            report(version)
            then()

        connect('first', None, lambda session: connect('second', session, finish))

    server.listen(0, '127.0.0.1', listening)


run('TLSv1.2', lambda: run('TLSv1.3', lambda: None))
gnet.run()
