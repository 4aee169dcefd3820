import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+').
    msgs = ['hello', 'world']
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
    show('object mode', sock.readableObjectMode, sock.writableObjectMode)
    show('empty', sock.readableBuffer, sock.writableBuffer)
    sock.write(b'a')
    sock.write(b'b')

    def written():
        pass

    sock.write(b'c', written)
    show('writableBuffer', [[w['chunk'], w['encoding'], w['callback'] is written] for w in sock.writableBuffer],
         sock.writableLength)
    sock.on('connect', lambda: show('at connect', sock.writableBuffer))

    def first():
        show('readableBuffer', sock.readableBuffer, sock.readableLength)
        sock.read(2)
        show('after read(2)', sock.readableBuffer)
        sock.write('+')

        def second():
            show('two chunks', sock.readableBuffer)
            sock.setEncoding('utf8')
            show('after setEncoding', sock.readableBuffer)
            sock.destroy()

        sock.once('readable', second)

    sock.once('readable', first)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
