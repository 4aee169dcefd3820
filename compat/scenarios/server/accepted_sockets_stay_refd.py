import gnet
from compat.trace import show

client = None


def on_connection(c):
    show('connection')
    client.unref()
    c.on('end', lambda: show('server socket end'))
    c.on('close', lambda *_: show('server socket close'))

    def later():
        show('unref timer fired')
        client.end()

    gnet.setTimeout(later, 50).unref()


server = gnet.createServer(on_connection)


def on_listen():
    global client
    server.unref()
    client = gnet.connect(server.address()['port'], '127.0.0.1')
    client.resume()


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
show('exit')
