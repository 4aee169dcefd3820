import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')

    def on_connect():
        show('connect')
        c.destroy()
        show('destroyed in connect', c.destroyed, c.readyState)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('connect', on_connect)
    c.on('connect', lambda: show('second connect listener'))
    c.on('ready', lambda: show('ready', c.destroyed))
    c.on('data', lambda d: show('data', d))
    c.on('end', lambda: show('end'))
    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
