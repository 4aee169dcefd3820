import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'handshakeTimeout': 50})


def on_tls_client_error(err, sock):
    show('tlsClientError', err, err.message, sock.destroyed)
    sock.destroy()


server.on('tlsClientError', on_tls_client_error)


def listening():
    raw = gnet.connect(server.address()['port'], '127.0.0.1')
    raw.on('end', lambda: show('client end'))

    def on_close(*_):
        show('client close')
        server.close()
    raw.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
