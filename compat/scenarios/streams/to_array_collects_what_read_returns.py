import gevent
from gevent.event import Event

import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+'); here it ends after its only message.
    msgs = ['hello']
    sent = [0]

    def next_message():
        if sent[0] < len(msgs):
            conn.write(msgs[sent[0]])
            sent[0] += 1
        else:
            conn.end()

    next_message()
    next_message()
    conn.on('data', lambda d: [next_message() for ch in d.decode() if ch == '+'])
    conn.on('error', lambda err: None)

    def on_close():
        closed[0] += 1
        if closed[0] == 2:
            server.close()
    conn.on('close', on_close)


server = gnet.createServer(on_connection)


def collect(sock):
    events = []
    closed = Event()
    sock.on('error', lambda err: events.append(err.code))
    sock.on('close', lambda had_error: (events.append('close %s' % ('true' if had_error else 'false')), closed.set()))
    values = sock.toArray()
    closed.wait()
    return values, events


def client():
    port = server.address()['port']
    show('half-open', *collect(gnet.connect({'port': port, 'host': '127.0.0.1', 'allowHalfOpen': True})))
    show('plain', *collect(gnet.connect(port, '127.0.0.1')))


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
