import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: show('connect callback'))

    def on_connect():
        show('connect')
        c.destroy(Exception('no thanks'))

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('connect', on_connect)
    c.on('ready', lambda: show('ready'))
    c.on('error', lambda err: show('error', err, str(err)))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
