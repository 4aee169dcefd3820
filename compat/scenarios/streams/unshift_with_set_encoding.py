import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+').
    msgs = ['hello world']
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
        if closed[0] == 2:
            server.close()
    conn.on('close', on_close)


server = gnet.createServer(on_connection)


def check(port, encodings):
    encoding = encodings.pop(0)
    sock = gnet.connect(port, '127.0.0.1')
    sock.setEncoding(encoding)

    def first():
        show(encoding, 'read', sock.read())
        show('abc', sock.unshift('abc'), sock.readableLength)
        show('Buffer XY', sock.unshift(b'XY'), sock.readableLength)
        show('6869 hex', sock.unshift('6869', 'hex'), sock.readableLength)
        show('empty', sock.unshift(''), sock.unshift(b''), sock.readableLength)
        show('readableBuffer', sock.readableBuffer)
        show('read()', sock.read(), sock.readableLength)
        sock.destroy()
        if encodings:
            check(port, encodings)

    sock.once('readable', first)


server.listen(0, '127.0.0.1', lambda: check(server.address()['port'], ['utf8', 'hex']))
gnet.run()
