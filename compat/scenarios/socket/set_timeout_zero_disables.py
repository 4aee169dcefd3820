import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    def later():
        show('no timeout after 100 ms')
        c.end()

    def on_connect():
        c.setTimeout(20, lambda: show('callback (unexpected)'))
        c.setTimeout(0)
        show('timeout property', c.timeout)
        gnet.setTimeout(later, 100)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('timeout', lambda: show('timeout (unexpected)'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
