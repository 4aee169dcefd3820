import gnet
from compat.trace import show


def on_connection(conn):
    conn.end('abcdefghij')
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    buffer = bytearray(4)

    def callback(nread, buf):
        show('onread', nread, buf is buffer, len(buf), bytes(buf[:nread]).decode('latin1'))

    sock = gnet.connect({
        'port': server.address()['port'],
        'host': '127.0.0.1',
        'onread': {'buffer': buffer, 'callback': callback},
    })
    sock.on('data', lambda d: show('data event', d))
    sock.on('end', lambda: show('end', sock.readableLength, sock.bytesRead))
    sock.on('close', lambda: show('close'))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
