import gnet
from compat.trace import show


def on_connection(c):
    show('connection', c.remoteAddress)
    c.end('hi')


server = gnet.createServer(on_connection)


def on_listen():
    a = server.address()
    show('callback', a['address'], a['family'])
    c = gnet.connect(a['port'], '127.0.0.1')
    c.on('data', lambda d: show('client data', d))
    c.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen({'port': 0, 'host': '127.0.0.1', 'backlog': 5}, on_listen)
gnet.run()
