import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end())


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    show('client allowHalfOpen', c.allowHalfOpen)

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c.on('end', lambda: show('client end', c.readyState, c.writable, c.writableEnded, c.readable))
    c.on('finish', lambda: show('client finish', c.readyState))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
