import gnet
from compat.trace import show

state = {'conn': None, 'received': 0, 'written': 0, 'drains': 0}


def on_connection(conn):
    state['conn'] = conn
    show('server connection, flowing', conn.readableFlowing)

    def on_end():
        show('server end')
        conn.end()
        server.close()
    conn.on('end', on_end)


server = gnet.createServer({'pauseOnConnect': True}, on_connection)


def on_listening():
    chunk = b'b' * 1024
    sock = None

    def fill():
        if state['conn'] is None:
            gnet.setImmediate(fill)
            return
        ret = True
        while ret:
            ret = sock.write(chunk)
            state['written'] += len(chunk)
        show('write returned false', sock.writableNeedDrain, sock.writableLength >= sock.writableHighWaterMark)
        conn = state['conn']

        def on_data(d):
            state['received'] += len(d)
        conn.on('data', on_data)
        show('server data listener, flowing', conn.readableFlowing)
        conn.resume()
        show('server reading, flowing', conn.readableFlowing)

    def on_drain():
        state['drains'] += 1
        show('drain', state['drains'], sock.writableLength, sock.writableNeedDrain)
        sock.end()

    sock = gnet.connect(server.address()['port'], '127.0.0.1', lambda: gnet.setImmediate(fill))
    sock.on('drain', on_drain)
    sock.on('close', lambda: show('close', 'all received', state['received'] == state['written']))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
