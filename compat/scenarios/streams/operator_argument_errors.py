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
        if closed[0] == 1:
            server.close()
    conn.on('close', on_close)


server = gnet.createServer(on_connection)


def identity(x):
    return x


ops = {
    'map()': lambda s: s.map(),
    'map(1)': lambda s: s.map(1),
    'map(fn, 1)': lambda s: s.map(identity, 1),
    'map(fn, [])': lambda s: s.map(identity, []),
    'map signal 1': lambda s: s.map(identity, {'signal': 1}),
    'map concurrency 0': lambda s: s.map(identity, {'concurrency': 0}),
    'map concurrency a': lambda s: s.map(identity, concurrency='a'),
    'map concurrency Infinity': lambda s: s.map(identity, {'concurrency': float('inf')}),
    'map highWaterMark -1': lambda s: s.map(identity, high_water_mark=-1),
    'filter(1)': lambda s: s.filter(1),
    'flatMap(undefined)': lambda s: s.flatMap(None),
    'drop(-1)': lambda s: s.drop(-1),
    'take(-0.5)': lambda s: s.take(-0.5),
    'take(1, 2)': lambda s: s.take(1, 2),
    'forEach(1)': lambda s: s.forEach(1),
    'some()': lambda s: s.some(),
    'every(1)': lambda s: s.every(1),
    'find(1)': lambda s: s.find(1),
    'reduce(1)': lambda s: s.reduce(1),
    'reduce(fn, 0, 5)': lambda s: s.reduce(identity, 0, 5),
    'toArray(1)': lambda s: s.toArray(1),
    'toArray signal {}': lambda s: s.toArray({'signal': {}}),
}


def client():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    gnet.once(sock, 'connect')
    for name, op in ops.items():
        try:
            op(sock)
            show(name, 'ok')
        except gnet.NodeError as err:
            show(name, err, err.message)
    show('read nothing', sock.readableDidRead, sock.destroyed)
    sock.destroy()


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
