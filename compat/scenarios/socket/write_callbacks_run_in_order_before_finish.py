import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    def on_connect():
        for i in range(1, 5):
            c.write('chunk%d' % i, lambda err, i=i: show('write callback', i, err))
        c.end('last', lambda err: show('end callback', err))
        show('all queued')

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('drain', lambda: show('drain'))
    c.on('finish', lambda: show('finish'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
