import gnet
from compat.trace import show


def on_connection(s):
    s.end('bye')

    def on_close(hadError):
        show('server socket close', hadError)
        server.close(lambda: show('server closed'))

    s.on('data', lambda d: show('server data', d))
    s.on('end', lambda: show('server end'))
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True})
    show('client allowHalfOpen', c.allowHalfOpen)

    def on_end():
        show('client end', c.readyState, c.writable, c.readable)
        c.end('after end')

    c.on('data', lambda d: show('client data', d))
    c.on('end', on_end)


server.listen(0, '127.0.0.1', listening)
gnet.run()
