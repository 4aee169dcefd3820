import gnet
from compat.trace import show


def on_connection(s):
    s.on('end', lambda: server.close(lambda: show('server closed')))


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: show('connect callback'))

    def on_ready():
        show('ready listener')
        c.end()

    c.on('ready', on_ready)
    c.on('connect', lambda: show('connect listener 1'))
    c.once('connect', lambda: show('connect once listener'))
    c.prependListener('connect', lambda: show('connect prepended'))
    show('connect returned')


server.listen(0, '127.0.0.1', listening)
gnet.run()
