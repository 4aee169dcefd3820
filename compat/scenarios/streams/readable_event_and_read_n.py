import gnet
from compat.trace import show


def on_connection(conn):
    conn.end('hello world!')
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    count = [0]

    def on_readable():
        count[0] += 1
        show('readable', count[0], sock.readableLength, sock.readableFlowing, sock.readableEnded)
        while True:
            chunk = sock.read(5)
            if chunk is None:
                break
            show('read(5)', chunk.decode(), sock.readableLength)
        show('read(5) null', sock.readableLength)

    sock.on('readable', on_readable)
    show('flowing with readable listener', sock.readableFlowing)
    sock.on('end', lambda: show('end', sock.readableEnded, sock.read()))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
