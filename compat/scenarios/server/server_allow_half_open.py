import gnet
from compat.trace import show


def on_connection(c):
    c.on('data', lambda d: show('server data', d))

    def on_end():
        show('server end', c.writable, c.writableEnded)

        def later():
            show('server still writable', c.writable)
            c.end('late reply')

        gnet.setTimeout(later, 20)

    c.on('end', on_end)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)
show('allowHalfOpen', server.allowHalfOpen)


def on_listen():
    client = gnet.connect(server.address()['port'], '127.0.0.1', lambda: client.end('ping'))
    client.on('data', lambda d: show('client data', d))
    client.on('end', lambda: show('client end'))
    client.on('close', lambda *_: server.close(lambda *_: show('closed')))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
