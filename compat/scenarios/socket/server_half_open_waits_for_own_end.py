import gnet
from compat.trace import show


def on_connection(s):
    show('server allowHalfOpen', s.allowHalfOpen)

    def later():
        show('server still open', s.destroyed, s.readyState)
        s.end()

    def on_end():
        show('server end', s.readyState)
        gnet.setTimeout(later, 20)

    def on_close(hadError):
        show('server close', hadError)
        server.close(lambda: show('server closed'))

    s.on('end', on_end)
    s.on('finish', lambda: show('server finish'))
    s.on('close', on_close)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.end())


server.listen(0, '127.0.0.1', listening)
gnet.run()
