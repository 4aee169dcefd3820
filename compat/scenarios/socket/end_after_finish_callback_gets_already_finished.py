import gnet
from compat.trace import show


def on_connection(s):
    s.on('end', lambda: gnet.setTimeout(lambda: s.end(), 20))


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.end())

    def late_end(err):
        show('late end callback', err)
        show(str(err))
        show('destroyed', c.destroyed)

    def on_finish():
        show('finish event')
        c.end(late_end)
        show('late end() returned')

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('error', lambda err: show('error', err))
    c.on('finish', on_finish)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
