import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    def on_connect():
        c.end()
        c.end('more', lambda err: show('second end callback', err))
        show('second end() returned')

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('error', lambda err: show('error', err, str(err)))
    c.on('finish', lambda: show('finish event'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
