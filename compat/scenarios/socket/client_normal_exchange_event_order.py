import gnet
from compat.trace import show


def on_connection(s):
    s.on('data', lambda d: s.end(b'echo:' + d))


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')

    def on_connect():
        show('client connect')
        show('write returned', c.write('hello'))

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c.on('connect', on_connect)
    c.on('ready', lambda: show('client ready'))
    c.on('data', lambda d: show('client data', d))
    c.on('end', lambda: show('client end'))
    c.on('finish', lambda: show('client finish'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
