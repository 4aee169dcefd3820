import gnet
from compat.trace import show


def on_connection(s):
    s.resume()

    def on_end():
        show('server end')
        s.resetAndDestroy()

    s.on('end', on_end)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True},
                     lambda: c.end())

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c.on('finish', lambda: show('client finish', c.readyState))
    c.on('data', lambda d: show('client data (unexpected)', d))
    c.on('end', lambda: show('client end (unexpected)'))
    c.on('error', lambda err: show('client error', err, str(err)))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
