import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    def on_connect():
        c.setTimeout(20, lambda: show('timeout callback (unexpected)'))
        c.destroy()

    def later():
        show('no timeout after 80 ms')
        server.close(lambda: show('server closed'))

    def on_close(hadError):
        show('close', hadError, c.timeout)
        gnet.setTimeout(later, 80)

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('timeout', lambda: show('timeout (unexpected)'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
