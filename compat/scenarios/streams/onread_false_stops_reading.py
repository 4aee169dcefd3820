import gnet
from compat.trace import show


def on_connection(conn):
    conn.end('abcdefghij')
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    calls = [0]
    sock = None

    def later(turns=0):
        # give the loop a few turns to show that nothing else arrives
        if turns < 5:
            gnet.setImmediate(later, turns + 1)
            return
        show('still stopped', calls[0], sock.bytesRead, sock.readableEnded, sock.isPaused())
        show('resume returns socket', sock.resume() is sock)

    def callback(nread, buf):
        calls[0] += 1
        show('onread', calls[0], nread, bytes(buf[:nread]).decode('latin1'))
        if calls[0] == 1:
            gnet.setImmediate(later)
            return False
        return None

    sock = gnet.connect({
        'port': server.address()['port'],
        'host': '127.0.0.1',
        'onread': {'buffer': bytearray(4), 'callback': callback},
    })
    sock.on('end', lambda: show('end', calls[0], sock.bytesRead))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
