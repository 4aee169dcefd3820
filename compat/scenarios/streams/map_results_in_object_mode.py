import gevent

import gnet
from compat.trace import show

def on_connection(conn):
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
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def client():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    sock.setEncoding('utf8')
    sock.on('end', lambda: show('socket end'))
    sock.on('close', lambda had_error: show('socket close', had_error))

    def fn(chunk):
        show('fn', chunk)
        sock.write('+')
        return chunk.upper()

    mapped = sock.map(fn)
    show('result', mapped.readableObjectMode, mapped.readableHighWaterMark, sock.readableObjectMode)
    mapped.on('end', lambda: show('mapped end'))
    mapped.on('close', lambda: show('mapped close'))
    values = mapped.toArray()
    show('values', values, sock.destroyed)


server.listen(0, '127.0.0.1', lambda: gevent.spawn(client))
gnet.run()
