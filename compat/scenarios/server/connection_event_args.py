import gnet
from compat.trace import show

server = gnet.createServer()


def on_connection(*args):
    c = args[0]
    show('args', len(args), isinstance(c, gnet.Socket), c.server is server)
    show('remote', c.remoteAddress, c.remoteFamily, type(c.remotePort) is int)
    show('local', c.localAddress, c.localPort == server.address()['port'])
    show('state', c.readyState, c.destroyed)
    c.end('hi')


server.on('connection', on_connection)


def on_listen():
    client = gnet.connect(server.address()['port'], '127.0.0.1')
    client.on('data', lambda d: show('client data', d))
    client.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
