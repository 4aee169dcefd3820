# covers: ALPNCallback, ERR_INVALID_ARG_TYPE, uncaughtException
# A tls.Server whose ALPNCallback is no function takes it, and throws when a
# connection comes (its TLSSocket checks it): an uncaught exception, before
# the server's 'connection'.
import gnet
import gnet.tls as tls
from compat.tls_case import cert
from compat.trace import show

server = tls.createServer({'key': cert('server-key.pem'), 'cert': cert('server-cert.pem'), 'ALPNCallback': 5})
server.on('connection', lambda sock: show('connection'))
server.on('tlsClientError', lambda err, sock: show('tlsClientError', err))


def uncaught(err, origin):
    show('uncaughtException', err, str(err))
    gnet.process.exit(0)


gnet.process.on('uncaughtException', uncaught)


def listening():
    tls.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'rejectUnauthorized': False}).on(
        'error', lambda e: None)


server.listen(0, '127.0.0.1', listening)
gnet.run()
