import gnet
from compat.trace import show


def on_connection(c):
    show('connection')
    c.end('hi')


server = gnet.createServer(on_connection)
server.maxConnections = 0
server.on('drop', lambda *_: show('drop'))


def on_listen():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.on('data', lambda d: show('client data', d))
    c.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
