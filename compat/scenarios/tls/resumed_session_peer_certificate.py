import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import fmt


def show(*a):
    print(' '.join(fmt(x) for x in a))


versions = ['TLSv1.2', 'TLSv1.3']


def round_(version, done):
    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'maxVersion': version},
                              lambda sock: sock.end('x'))

    def listening():
        opts = {'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                'servername': 'localhost', 'maxVersion': version}
        session = [None]

        def report(name, sock):
            pc = sock.getPeerCertificate()
            show(version, name, sock.isSessionReused(), len(pc), pc['subject']['CN'] if pc.get('subject') else None,
                 len(sock.getPeerCertificate(True)), sock.authorized, sock.authorizationError)

        first = tls.connect(opts, lambda: report('first', first))
        first.on('session', lambda s: session.__setitem__(0, s))
        first.on('data', lambda d: None)

        def again(*_):
            second = tls.connect(dict(opts, session=session[0]), lambda: report('second', second))
            second.on('data', lambda d: None)

            def closed(*_):
                server.close()
                done()
            second.on('close', closed)
        first.on('close', again)
    server.listen(0, '127.0.0.1', listening)


round_(versions[0], lambda: round_(versions[1], lambda: None))
gnet.run()
