import gnet
from compat.trace import show


def on_connection(conn):
    n = [0]

    def on_data(d):
        n[0] += len(d)

    def on_end():
        show('server bytesRead', conn.bytesRead, n[0])
        conn.end('0123456789')
    conn.on('data', on_data)
    conn.on('end', on_end)


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    show('before writes', sock.bytesWritten, sock.bytesRead)
    sock.write('abc')
    sock.write('\u20ac\u20ac')
    sock.write('ff00', 'hex')
    sock.write(bytes(100))
    show('queued while connecting', sock.connecting, sock.bytesWritten, sock.writableLength, sock.bufferSize)
    sock.on('connect', lambda: show('connect', sock.bytesWritten))
    sock.end('!')
    show('after end', sock.bytesWritten)
    sock.resume()
    sock.on('finish', lambda: show('finish', sock.bytesWritten, sock.writableLength))
    sock.on('end', lambda: show('end', sock.bytesRead))

    def on_close():
        show('close', sock.bytesWritten, sock.bytesRead)
        server.close()
    sock.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
