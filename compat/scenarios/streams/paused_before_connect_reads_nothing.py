import gnet
from compat.trace import show


def on_connection(conn):
    conn.end('early data')
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    sock.pause()
    show('paused before connect', sock.isPaused(), sock.readableFlowing)
    sock.on('data', lambda d: show('data', d.decode()))
    show('data listener does not resume', sock.readableFlowing)

    def wait(turns=0):
        if turns < 10:
            gnet.setImmediate(wait, turns + 1)
            return
        show('still nothing read', sock.readableLength, sock.bytesRead, sock.readableEnded)
        sock.resume()

    def on_connect():
        show('connect', sock.readableLength)
        gnet.setImmediate(wait)

    sock.on('connect', on_connect)
    sock.on('end', lambda: show('end', sock.bytesRead))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
