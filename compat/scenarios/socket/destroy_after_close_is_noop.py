import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end())


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.resume()

    def after():
        show('no error, no second close', c.destroyed)
        server.close(lambda: show('server closed'))

    def on_close(hadError):
        show('close', hadError)
        show('destroy after close returns socket', c.destroy(Exception('late')) is c)
        gnet.setImmediate(after)

    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
