import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end())


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('lookup', lambda *a: show('lookup (unexpected)'))
    c.on('connect', lambda: show('connect'))
    c.resume()
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
