import gevent

import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+').
    msgs = ['a1', 'b2', 'c3']
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
        if closed[0] == 3:
            server.close()
    conn.on('close', on_close)


server = gnet.createServer(on_connection)


def acked(sock):
    sock.setEncoding('utf8')

    def ack(chunk):
        sock.write('+')
        return chunk
    return sock.map(ack)


def client():
    port = server.address()['port']
    seen = []

    def fn(acc, chunk, options):
        show('fn', acc, chunk, options['signal'].aborted)
        seen.append(options['signal'])
        return acc + chunk

    first = acked(gnet.connect(port, '127.0.0.1')).reduce(fn)
    show('without initial', first, seen[-1].aborted)

    def fn2(acc, chunk):
        show('fn', acc, chunk)
        return acc + chunk

    second = acked(gnet.connect(port, '127.0.0.1')).reduce(fn2, '>')
    show('with initial', second)
    show('initial undefined', acked(gnet.connect(port, '127.0.0.1')).reduce(
        lambda acc, chunk: chunk if acc is None else acc + chunk, None))


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
