import gnet
from compat.trace import show


def on_connection(conn):
    got = []
    conn.on('data', lambda d: got.append(d))

    def on_end():
        show('server got', b''.join(got).decode())
        conn.end()
        server.close()
    conn.on('end', on_end)


server = gnet.createServer(on_connection)


def on_listening():
    sock = None

    def third():
        sock.cork()
        sock.write('c', lambda: show('callback c'))
        show('corked again', sock.writableCorked, sock.writableLength)
        sock.end('d', lambda: show('end callback'))
        show('after end', sock.writableCorked, sock.writableEnded)

    def second():
        show('another turn', sock.writableLength)
        sock.uncork()
        show('uncorked twice', sock.writableCorked)
        gnet.nextTick(lambda: show('tick after uncork', sock.writableLength))
        gnet.setImmediate(third)

    def first():
        show('a turn later', sock.writableLength)
        sock.uncork()
        show('uncorked once', sock.writableCorked, sock.writableLength)
        gnet.setImmediate(second)

    def on_connect():
        show('connected', sock.writableCorked)
        sock.uncork()
        show('uncork when not corked', sock.writableCorked)
        sock.cork()
        sock.cork()
        show('corked twice', sock.writableCorked)
        show('write a', sock.write('a', lambda: show('callback a')), sock.writableLength)
        show('write b', sock.write('bb', lambda: show('callback b')), sock.writableLength)
        gnet.setImmediate(first)

    sock = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    sock.on('finish', lambda: show('finish'))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
