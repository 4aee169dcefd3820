# covers: ALPNCallback, tlsClientError, ERR_TLS_ALPN_CALLBACK_INVALID_RESULT, ECONNRESET
# A result the client did not offer destroys the server's socket with
# ERR_TLS_ALPN_CALLBACK_INVALID_RESULT (the server's 'tlsClientError'); no
# alert goes out: the client sees the connection end before its handshake.
# So does a callback that throws (its error is the one the server hears).
import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show


def boom():
    raise Exception('boom')


# JavaScript's null has no Python twin (None is undefined): '' and 'null'
# stand in for the cases that are no string of the client's.
results = [lambda: 'zz', lambda: 5, lambda: 'null', lambda: '', boom]


def next_case(i):
    if i == len(results):
        return
    server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'),
                               'ALPNCallback': results[i]})
    server.on('tlsClientError', lambda err, sock: show(i, 'server tlsClientError', err, str(err), sock.destroyed))
    server.on('secureConnection', lambda sock: show(i, 'server secureConnection'))

    def listening():
        sock = tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'ca': cert('ca.pem'),
                            'ALPNProtocols': ['a', 'b']})
        sock.on('end', lambda: show(i, 'client end'))
        sock.on('error', lambda err: show(i, 'client error', err))

        def on_close(*_):
            server.close()
            next_case(i + 1)
        sock.on('close', on_close)

    server.listen(0, '127.0.0.1', listening)


next_case(0)
gnet.run()
