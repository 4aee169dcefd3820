import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: show('connect callback'))

    def on_close(hadError):
        show('close', hadError, c.readyState, c.connecting, c.pending)
        server.close(lambda: show('server closed'))

    c.on('connect', lambda: show('connect'))
    c.on('ready', lambda: show('ready'))
    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)
    show('connecting', c.connecting, c.pending, c.readyState)
    c.destroy()
    show('after destroy', c.connecting, c.destroyed, c.readyState)


server.listen(0, '127.0.0.1', listening)
gnet.run()
