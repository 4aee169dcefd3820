import gnet
from compat.trace import show


def on_connection(s):
    s.resume()
    s.on('end', lambda: s.end('reply'))


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True},
                     lambda: c.end())

    def on_end():
        show('end')
        show('write returned', c.write('x', lambda err: show('write callback', err)))

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('data', lambda d: show('data', d))
    c.on('end', on_end)
    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
