import gnet
from compat.trace import show


def state(label, c):
    show(label, c.readyState, 'pending', c.pending, 'connecting', c.connecting,
         'destroyed', c.destroyed, 'readable', c.readable, 'writable', c.writable,
         'readableEnded', c.readableEnded, 'writableEnded', c.writableEnded)


server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    def on_connect():
        state('open', c)
        c.destroy()
        state('after destroy()', c)

    def on_close():
        state('close', c)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
