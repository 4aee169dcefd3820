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


def on_listening():
    port = server.address()['port']
    big = gnet.connect(port, '127.0.0.1')

    def on_big():
        show('big', big.unshift(bytes(20000)), big.readableLength, big.readableHighWaterMark)
        big.destroy()
        bad = gnet.connect(port, '127.0.0.1')
        bad.on('error', lambda err: show('bad error', err, err.message))
        bad.on('close', lambda had_error: show('bad close', had_error))
        bad.once('readable', lambda: show('bad', bad.unshift(123), bad.destroyed, bad.readableLength))

    big.once('readable', on_big)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
