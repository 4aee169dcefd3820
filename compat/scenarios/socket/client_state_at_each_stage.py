import gnet
from compat.trace import show


def state(label, c):
    show(label, c.readyState, 'pending', c.pending, 'connecting', c.connecting,
         'destroyed', c.destroyed, 'readable', c.readable, 'writable', c.writable)


def on_connection(s):
    s.resume()
    s.on('end', lambda: gnet.setTimeout(lambda: s.end(), 10))


server = gnet.createServer(on_connection)


def listening():
    c = gnet.Socket()
    state('new', c)
    c.connect(server.address()['port'], '127.0.0.1')
    state('after connect()', c)

    def on_connect():
        state('connect', c)
        c.end()
        state('after end()', c)

    def on_close(hadError):
        state('close', c)
        server.close(lambda: show('server closed'))

    c.on('connect', on_connect)
    c.on('finish', lambda: state('finish', c))
    c.on('end', lambda: state('end', c))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
