import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+').
    msgs = ['hello world', 'more']
    sent = [0]

    def next_message():
        if sent[0] < len(msgs):
            conn.write(msgs[sent[0]])
            sent[0] += 1
        else:
            conn.end()

    next_message()
    conn.on('data', lambda d: [next_message() for ch in d.decode() if ch == '+'])
    conn.on('error', lambda err: None)

    def on_close():
        closed[0] += 1
        if closed[0] == 1:
            server.close()
    conn.on('close', on_close)


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    sock.on('end', lambda: show('end'))

    def first():
        data = sock.read()
        show('read', data.decode())
        show('unshift', sock.unshift(data[6:]), sock.unshift('>'), sock.readableLength)
        show('read(3)', sock.read(3).decode(), sock.readableLength)
        show('read()', sock.read().decode(), sock.readableLength)
        sock.write('++')

        def on_readable():
            while True:
                chunk = sock.read()
                if chunk is None:
                    break
                show('read', chunk.decode())

        sock.on('readable', on_readable)

    sock.once('readable', first)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
