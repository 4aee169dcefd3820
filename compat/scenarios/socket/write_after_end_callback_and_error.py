import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    def on_connect():
        c.end()
        ret = c.write('late', lambda err: show('write callback', err, c.destroyed))
        show('write returned', ret)
        show('destroyed right after', c.destroyed)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('error', lambda err: show('error', err))
    c.on('finish', lambda: show('finish'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
