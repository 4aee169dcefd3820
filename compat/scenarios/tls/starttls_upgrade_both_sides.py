import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def on_connection(raw):
    def on_data(d):
        show('server got', d.decode())

        def upgrade(*_):
            secure = tls.TLSSocket(raw, {'isServer': True, 'key': cert('server-key.pem'), 'cert': cert('server-cert.pem')})
            secure.on('secure', lambda: show('server secure', secure.encrypted, secure.getProtocol()))

            def on_secure_data(d):
                show('server data', d.decode())
                secure.end('PONG\n')
            secure.on('data', on_secure_data)
            secure.on('end', lambda: show('server end'))

            def on_close(*_):
                show('server close')
                server.close()
            secure.on('close', on_close)
        raw.write('GO\n', upgrade)
    raw.once('data', on_data)


server = gnet.createServer(on_connection)


def listening():
    raw = gnet.connect(server.address()['port'], '127.0.0.1', lambda: raw.write('STARTTLS\n'))

    def on_data(d):
        show('client got', d.decode())

        def on_secure():
            show('client secureConnect', secure.authorized)
            secure.write('PING\n')
        secure = tls.connect({'socket': raw, 'ca': cert('ca.pem'), 'servername': 'localhost'}, on_secure)
        secure.on('data', lambda d: show('client data', d.decode()))
        secure.on('end', lambda: show('client end'))
        secure.on('close', lambda *_: show('client close'))
    raw.once('data', on_data)


server.listen(0, '127.0.0.1', listening)
gnet.run()
