import gnet
from compat.tls_case import run_case


def server_case(client_opts, reneg_opts):
    def server_hook(sock, s):
        s('peer before', len(sock.getPeerCertificate()))

        def on_secure():
            subject = sock.getPeerCertificate().get('subject')
            s('secure', sock.authorized, sock.authorizationError, subject.get('CN') if subject else None,
              sock.isSessionReused())
        sock.on('secure', on_secure)

        def callback(err):
            s('callback', err)
            sock.write('go')
        s('renegotiate returns', sock.renegotiate(reneg_opts, callback))

    def client_hook(sock, c):
        sock.on('data', lambda d: sock.end() if d == b'go' else None)

    run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'ca': 'file:ca.pem',
              'maxVersion': 'TLSv1.2'},
             dict({'ca': 'file:ca.pem', 'servername': 'localhost'}, **client_opts), server_hook, client_hook)


print('case with client certificate', flush=True)
server_case({'key': 'file:client-key.pem', 'cert': 'file:client-cert.pem'},
            {'requestCert': True, 'rejectUnauthorized': False})
print('case no certificate asked for', flush=True)
server_case({'key': 'file:client-key.pem', 'cert': 'file:client-cert.pem'}, {})
