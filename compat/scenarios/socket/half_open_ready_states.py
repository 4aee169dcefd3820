import gnet
from compat.trace import show


def on_connection(s):
    s.resume()

    def on_end():
        show('server after peer end', s.readyState)
        gnet.setTimeout(lambda: s.end('x'), 10)

    s.on('end', on_end)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    def on_connect():
        show('client open', c.readyState)
        c.end()
        show('client after own end()', c.readyState)

    def on_close():
        show('client close', c.readyState)
        server.close(lambda: show('server closed'))

    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True},
                     on_connect)
    c.on('finish', lambda: show('client finish', c.readyState))
    c.on('data', lambda d: show('client data', d, c.readyState))
    c.on('end', lambda: show('client end', c.readyState))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
