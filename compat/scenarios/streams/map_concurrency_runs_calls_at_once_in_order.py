import gevent
from gevent.event import Event

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
        if closed[0] == 1:
            server.close()
    conn.on('close', on_close)


server = gnet.createServer(on_connection)


def client():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    sock.setEncoding('utf8')
    first_may_end = Event()

    def fn(chunk):
        show('start', chunk)
        sock.write('+')
        if chunk == 'a1':
            first_may_end.wait()
        if chunk == 'b2':
            first_may_end.set()
        show('end', chunk)
        return chunk.upper()

    mapped = sock.map(fn, concurrency=2)
    show('values', mapped.toArray())


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
