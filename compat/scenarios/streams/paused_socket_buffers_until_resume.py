import gnet
from compat.trace import show


def on_connection(conn):
    conn.write('first')

    def on_ack(ack):
        show('server got', ack.decode())
        conn.end('second')
    conn.once('data', on_ack)
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    sock.on('data', lambda d: show('data', d.decode(), sock.readableLength))
    sock.on('end', lambda: show('end', sock.readableEnded))
    sock.on('close', lambda: show('close'))

    def poll():
        if sock.readableLength < 6:
            gnet.setImmediate(poll)
            return
        show('buffered', sock.readableLength, sock.readableEnded, sock.isPaused())
        sock.resume()
        show('resumed', sock.readableFlowing, sock.readableLength)

    def on_first(d):
        sock.pause()
        show('paused', sock.isPaused(), sock.readableFlowing)
        sock.write('ack')
        gnet.setImmediate(poll)
    sock.once('data', on_first)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
