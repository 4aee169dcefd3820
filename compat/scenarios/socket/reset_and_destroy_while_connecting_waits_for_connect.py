import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: show('connect callback', c.destroyed))
    c.resetAndDestroy()
    show('after resetAndDestroy', c.destroyed, c.connecting)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('connect', lambda: show('connect listener added later', c.destroyed))
    c.on('ready', lambda: show('ready', c.destroyed))
    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
