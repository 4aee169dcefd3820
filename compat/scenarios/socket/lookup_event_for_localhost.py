import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end())


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': 'localhost', 'family': 4})

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('lookup', lambda err, address, family, host: show('lookup', err, address, family, host))
    c.on('connect', lambda: show('connect', c.remoteAddress, c.remoteFamily))
    c.on('ready', lambda: show('ready'))
    c.resume()
    c.on('close', on_close)
    show('connecting', c.connecting)


server.listen(0, '127.0.0.1', listening)
gnet.run()
