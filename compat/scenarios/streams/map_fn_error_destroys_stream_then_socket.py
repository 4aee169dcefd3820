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


def client():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    sock.setEncoding('utf8')
    sock.on('error', lambda err: show('socket error', err))
    sock.on('close', lambda had_error: show('socket close', had_error))

    def fn(chunk):
        show('fn', chunk)
        sock.write('+')
        if chunk == 'b2':
            raise ValueError('bad chunk')
        return chunk

    mapped = sock.map(fn)
    mapped.on('error', lambda err: show('mapped error', err, str(err)))
    mapped.on('close', lambda: show('mapped close'))
    try:
        mapped.toArray()
    except ValueError as err:
        show('toArray', err, str(err), mapped.destroyed, sock.destroyed)


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
