import gnet
from compat.trace import show


def flags(label, s):
    show(label, 'readableEnded', s.readableEnded, 'writableEnded', s.writableEnded,
         'writableFinished', s.writableFinished, 'destroyed', s.destroyed)
    show(label, 'readyState', s.readyState, 'pending', s.pending, 'connecting', s.connecting,
         'readable', s.readable, 'writable', s.writable)


def on_connection(conn):
    conn.on('end', lambda: conn.end())
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.Socket()
    flags('new', sock)
    sock.connect(server.address()['port'], '127.0.0.1')
    flags('connecting', sock)

    def on_connect():
        flags('connect', sock)
        sock.end()
        flags('after end()', sock)

    def on_close(hadError):
        show('close', hadError)
        flags('close', sock)

    sock.on('connect', on_connect)
    sock.on('finish', lambda: flags('finish', sock))
    sock.on('end', lambda: flags('end', sock))
    sock.on('close', on_close)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
