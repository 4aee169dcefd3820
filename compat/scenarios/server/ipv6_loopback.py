import gnet
from compat.trace import show


def on_connection(c):
    show('server sees', c.remoteAddress, c.remoteFamily, c.localAddress)
    c.end('hi')


server = gnet.createServer(on_connection)


def on_listen():
    a = server.address()
    show('listening', a['address'], a['family'])
    client = gnet.connect(a['port'], '::1')
    client.on('data', lambda d: show('client data', d, client.remoteAddress, client.remoteFamily))
    client.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '::1', on_listen)
gnet.run()
