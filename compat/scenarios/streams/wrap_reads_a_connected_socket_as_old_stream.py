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


def on_listening():
    client = gnet.connect(server.address()['port'], '127.0.0.1')
    client.setEncoding('utf8')
    wrapped = gnet.Socket()
    show('wrap returns', wrapped.wrap(client) is wrapped, wrapped.readableFlowing)

    def on_data(data):
        show('data', data, client.readableFlowing)
        client.write('+')

    wrapped.on('data', on_data)
    client.on('end', lambda: show('client end'))
    wrapped.on('end', lambda: show('wrapped end', wrapped.pending, wrapped.readable))
    client.on('close', lambda: show('client close'))
    wrapped.on('close', lambda: show('wrapped close', wrapped.destroyed))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
