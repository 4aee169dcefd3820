import gnet
from compat.trace import show


def on_connection(s):
    show('server allowHalfOpen', s.allowHalfOpen)

    def on_close(hadError):
        show('server close', hadError)
        server.close(lambda: show('server closed'))

    s.on('end', lambda: show('server end', s.readyState, s.writable, s.writableEnded))
    s.on('finish', lambda: show('server finish', s.readyState))
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.end())


server.listen(0, '127.0.0.1', listening)
gnet.run()
