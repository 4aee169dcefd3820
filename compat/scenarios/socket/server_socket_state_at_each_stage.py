import gnet
from compat.trace import show


def state(label, s):
    show(label, s.readyState, 'pending', s.pending, 'connecting', s.connecting,
         'destroyed', s.destroyed, 'readable', s.readable, 'writable', s.writable)


def on_connection(s):
    state('connection', s)
    show('socket.server is server', s.server is server)
    s.resume()

    def on_end():
        state('end', s)
        s.end()
        state('after end()', s)

    def on_close():
        state('close', s)
        server.close(lambda: show('server closed'))

    s.on('end', on_end)
    s.on('finish', lambda: state('finish', s))
    s.on('close', on_close)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.end())
    c.resume()


server.listen(0, '127.0.0.1', listening)
gnet.run()
