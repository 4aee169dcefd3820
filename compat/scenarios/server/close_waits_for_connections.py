import gnet
from compat.trace import show

client = None


def on_connection(c):
    show('connection')
    server.close(lambda err: show('close callback', err))
    show('listening after close()', server.listening, server.address())
    c.on('end', lambda: show('server socket end'))
    c.on('close', lambda *_: show('server socket close'))

    def later():
        show('client ends')
        client.end()

    gnet.setTimeout(later, 30)


server = gnet.createServer(on_connection)
server.on('close', lambda: show('close event'))


def on_listen():
    global client
    client = gnet.connect(server.address()['port'], '127.0.0.1')
    client.resume()


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
