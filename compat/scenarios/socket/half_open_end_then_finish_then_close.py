import gnet
from compat.trace import show


def on_connection(s):
    s.on('end', lambda: show('server end'))


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        show('client connect')
        c.end()
        show('client end() returned')

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('finish', lambda: show('client finish'))
    c.on('end', lambda: show('client end'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
