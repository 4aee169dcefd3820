import gevent

import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+').
    msgs = []
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


def client():
    port = server.address()['port']
    try:
        gnet.connect(port, '127.0.0.1').reduce(lambda acc, chunk: acc + chunk)
    except gnet.NodeError as err:
        show('error', err, isinstance(err, TypeError), err.message)
    show('with initial', gnet.connect(port, '127.0.0.1').reduce(lambda acc, chunk: acc + chunk, 'x'))


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
