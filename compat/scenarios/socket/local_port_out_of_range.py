import gnet
from compat.trace import show

# libuv binds the port modulo 65536, then Node checks the port bound: a
# different one is EADDRINUSE from bind; -1 is not checked (it binds 65535).
# The server is closed first, so that -1's connect is refused.
server = gnet.createServer()
cases = [65536, 70000, 1.5, -1, '80']
index = [0]


def next_case(port):
    if index[0] == len(cases):
        return
    local_port = cases[index[0]]
    index[0] += 1
    try:
        socket = gnet.connect({'port': port, 'host': '127.0.0.1', 'localPort': local_port})
    except Exception as err:
        show(local_port, 'throws', err, err.message)
        next_case(port)
        return

    def on_error(err):
        show(local_port, 'error', err, str(err).replace(':%d' % port, ':PORT'),
             getattr(err, 'address', None), 'PORT' if getattr(err, 'port', None) == port else getattr(err, 'port', None),
             getattr(err, 'localAddress', None), getattr(err, 'localPort', None))

    def on_close(had_error):
        show(local_port, 'close', had_error)
        next_case(port)

    socket.on('connect', lambda: show(local_port, 'connect'))
    socket.on('error', on_error)
    socket.on('close', on_close)


def on_listening():
    port = server.address()['port']
    server.close(lambda *_: next_case(port))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
