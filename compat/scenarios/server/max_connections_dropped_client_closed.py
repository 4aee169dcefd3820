import gnet
from compat.trace import show

held = None


def on_connection(c):
    global held
    held = c
    c.write('hi')


server = gnet.createServer(on_connection)
server.maxConnections = 1
server.on('drop', lambda *_: show('drop'))


def on_listen():
    port = server.address()['port']
    first = gnet.connect(port, '127.0.0.1')

    def on_first_data(_):
        second = gnet.connect(port, '127.0.0.1')
        second.on('data', lambda d: show('dropped client data', d))
        second.on('end', lambda: show('dropped client end'))
        second.on('error', lambda err: show('dropped client error', err))

        def on_close(had_error):
            show('dropped client close', had_error)
            held.end()
            server.close(lambda *_: show('closed'))

        second.on('close', on_close)

    first.once('data', on_first_data)
    first.resume()


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
