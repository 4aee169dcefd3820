import gnet
from compat.trace import show


def on_connection(s):
    s.setTimeout(30)

    def on_timeout():
        show('server timeout')
        s.destroy()

    s.on('timeout', on_timeout)


server = gnet.createServer(on_connection)


def listening():
    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: show('client connect'))
    c.on('data', lambda d: show('client data (unexpected)', d))
    c.on('end', lambda: show('client end'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
