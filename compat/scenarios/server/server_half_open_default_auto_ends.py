import gnet
from compat.trace import show


def on_connection(c):
    c.on('data', lambda d: show('server data', d))
    c.on('end', lambda: show('server end', c.writableEnded))


server = gnet.createServer(on_connection)
show('allowHalfOpen', server.allowHalfOpen)


def on_listen():
    client = gnet.connect(server.address()['port'], '127.0.0.1', lambda: client.end('ping'))
    client.on('data', lambda d: show('client data', d))
    client.on('end', lambda: show('client end'))
    client.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
