import gnet
from compat.trace import show


def on_connection(conn):
    conn.end('abcdefg')
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    made = []

    def buffer():
        b = bytearray(3)
        made.append(b)
        show('buffer() called', len(made))
        return b

    def callback(nread, buf):
        index = next((i for i, b in enumerate(made) if b is buf), -1)
        show('onread', nread, index + 1, bytes(buf[:nread]).decode('latin1'))

    sock = gnet.connect({
        'port': server.address()['port'],
        'host': '127.0.0.1',
        'onread': {'buffer': buffer, 'callback': callback},
    })
    show('after connect()', len(made))
    sock.on('connect', lambda: show('connect', len(made)))
    sock.on('end', lambda: show('end', len(made)))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
