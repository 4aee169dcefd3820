import gnet
from compat.trace import show

# What the server got is printed once both the server and the last client
# have closed.
received = []


def on_connection(conn):
    got = []
    received.append(got)
    conn.on('data', lambda d: got.append(d))
    if len(received) == 2:
        conn.on('close', lambda: server.close())
    conn.end('bye')


pending = [2]


def done():
    pending[0] -= 1
    if pending[0] == 0:
        for i, got in enumerate(received):
            show('server got', i + 1, b''.join(got).decode())


server = gnet.createServer(on_connection)
server.on('close', done)


def client(half_open, after=None):
    label = 'half-open' if half_open else 'default'
    sock = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': half_open})
    sock.resume()

    def turn():
        show(label, 'turn after end', sock.writableEnded, sock.writable, sock.destroyed)
        if half_open:
            sock.end('reply')

    def on_end():
        show(label, 'end', sock.readableEnded, sock.writableEnded, sock.writable)
        gnet.nextTick(lambda: show(label, 'tick after end', sock.writableEnded, sock.writable))
        gnet.setImmediate(turn)

    def on_close():
        show(label, 'close')
        if after:
            after()

    sock.on('end', on_end)
    sock.on('finish', lambda: show(label, 'finish', sock.writableFinished))
    sock.on('close', on_close)


server.listen(0, '127.0.0.1', lambda: client(False, lambda: client(True, done)))
gnet.run()
