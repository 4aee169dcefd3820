import gnet
from compat.trace import show


def on_connection(c):
    show('connection', c.remoteAddress)
    c.end('hi')


server = gnet.createServer(on_connection)


def on_listening():
    a = server.address()
    show('listening', a['address'], a['family'])
    c = gnet.connect(a['port'], '127.0.0.1')
    c.on('data', lambda d: show('client data', d))
    c.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.on('listening', on_listening)
server.listen(0, '127.0.0.1')
gnet.run()
