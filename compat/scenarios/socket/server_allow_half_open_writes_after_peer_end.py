import gnet
from compat.trace import show


def on_connection(s):
    def on_end():
        show('server end', s.readyState, s.writable, s.readable)
        s.end('late')
        show('server end() done', s.readyState, s.writable)

    s.on('end', on_end)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.end())

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c.on('finish', lambda: show('client finish', c.readyState))
    c.on('data', lambda d: show('client data', d))
    c.on('end', lambda: show('client end'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
