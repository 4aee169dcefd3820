import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    def on_connect():
        c.destroy(Exception('first'))
        c.destroy(Exception('second'))
        c.destroy()
        show('three destroy() calls done')

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('error', lambda err: show('error', str(err)))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
