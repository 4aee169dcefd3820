import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'timeout': 200})
    show('timeout property before connect', c.timeout)

    def on_timeout():
        show('timeout', c.destroyed)
        c.destroy()

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('connect', lambda: show('connect', c.timeout))
    c.on('timeout', on_timeout)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
