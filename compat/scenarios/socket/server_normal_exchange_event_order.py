import gnet
from compat.trace import show


def on_connection(s):
    show('server connection')

    def on_data(d):
        show('server data', d)
        show('server write returned', s.write('pong'))

    def on_close(hadError):
        show('server close', hadError)
        server.close(lambda: show('server closed'))

    s.on('data', on_data)
    s.on('end', lambda: show('server end'))
    s.on('finish', lambda: show('server finish'))
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.write('ping'))
    c.on('data', lambda d: c.end())


server.listen(0, '127.0.0.1', listening)
gnet.run()
