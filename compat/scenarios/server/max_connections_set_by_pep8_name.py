import gnet
from compat.trace import show

held = None


def on_connection(c):
    global held
    show('connection')
    held = c
    c.write('hi')


server = gnet.createServer(on_connection)
show('before', server.max_connections)
server.max_connections = 1
show('after', server.maxConnections)


def on_drop(data):
    show('drop', server.max_connections)
    held.end()
    server.close(lambda *_: show('closed'))


server.on('drop', on_drop)


def on_listen():
    port = server.address()['port']
    first = gnet.connect(port, '127.0.0.1')

    def on_first_data(_):
        second = gnet.connect(port, '127.0.0.1')
        second.resume()

    first.once('data', on_first_data)
    first.resume()


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
