import gnet
from compat.trace import show

closed = [0]


def on_connection(conn):
    # The server sends its next message when the client acks the last ('+').
    msgs = ['hello']
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
    sock.write('first')
    sock.write('ab', 'latin1')
    show('writableBuffer', [[w['chunk'], w['encoding']] for w in sock.writableBuffer])
    sock.destroy()
    server.close()


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
