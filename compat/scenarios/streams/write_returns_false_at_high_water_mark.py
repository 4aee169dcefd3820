import gnet
from compat.trace import show


def on_connection(conn):
    total = [0]

    def on_data(d):
        total[0] += len(d)

    def on_end():
        show('server received', total[0])
        conn.end()
        server.close()
    conn.on('data', on_data)
    conn.on('end', on_end)


server = gnet.createServer(on_connection)


def callback_for(n):
    return lambda: show('write callback', n)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    show('hwm', sock.writableHighWaterMark)
    show('before writes', sock.writableLength, sock.bufferSize, sock.writableNeedDrain)
    for n in [10000, 6000, 383, 1, 1, 5000]:
        ret = sock.write(b'a' * n, callback_for(n))
        show('write', n, ret, sock.writableLength, sock.bufferSize, sock.writableNeedDrain)
    sock.on('connect', lambda: show('connect', sock.writableLength, sock.writableNeedDrain))

    def on_drain():
        show('drain', sock.writableLength, sock.bufferSize, sock.writableNeedDrain)
        show('write after drain', sock.write('z'), sock.writableNeedDrain)
        sock.end()
    sock.on('drain', on_drain)
    sock.on('finish', lambda: show('finish', sock.writableLength))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
