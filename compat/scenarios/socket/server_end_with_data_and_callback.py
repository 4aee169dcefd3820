import gnet
from compat.trace import show


def on_connection(s):
    s.on('finish', lambda: show('server finish'))
    s.end('from server', lambda err: show('server end callback', err))
    show('server end() returned', s.writableEnded)


server = gnet.createServer(on_connection)


def listening():
    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.on('data', lambda d: show('client data', d))
    c.on('end', lambda: show('client end'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
