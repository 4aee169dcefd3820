from compat.tls_case import run_case


def server_hook(sock, s):
    sock.on('secure', lambda: s('secure', sock.authorized, sock.getProtocol()))


renegotiating = set()


def client_hook(sock, c):
    if sock in renegotiating:
        return
    renegotiating.add(sock)
    sock.on('secure', lambda: c('secure', sock.authorized))
    finished = sock.getFinished()

    def callback(err):
        c('callback', err, sock.getFinished() == finished)
        sock.end('after')
    c('renegotiate returns', sock.renegotiate({}, callback))


run_case({'key': 'file:server-key.pem', 'cert': 'file:server-cert.pem', 'maxVersion': 'TLSv1.2'},
         {'ca': 'file:ca.pem', 'servername': 'localhost'}, server_hook, client_hook)
