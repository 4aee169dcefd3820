import hashlib

import gnet
from compat.trace import show

SIZE = 5 * 1024 * 1024
data = (bytes(range(251)) * (SIZE // 251 + 1))[:SIZE]
SLICE = 64 * 1024


def on_connection(conn):
    st = {'offset': 0, 'drains': 0, 'falses': 0}

    def on_drain():
        st['drains'] += 1
        pump()

    def pump():
        while st['offset'] < SIZE:
            ok = conn.write(data[st['offset']:st['offset'] + SLICE])
            st['offset'] += SLICE
            if not ok:
                st['falses'] += 1
                conn.once('drain', on_drain)
                return
        show('server wrote all', st['offset'], 'every false write got a drain',
             st['falses'] == st['drains'], st['falses'] > 0)
        conn.end()
    pump()
    conn.on('close', lambda: server.close())


server = gnet.createServer(on_connection)


def on_listening():
    sock = gnet.connect(server.address()['port'], '127.0.0.1')
    h = hashlib.sha256()
    st = {'total': 0, 'pauses': 0, 'while_paused': 0}

    def on_data(chunk):
        if sock.isPaused():
            st['while_paused'] += 1
        st['total'] += len(chunk)
        h.update(chunk)
        sock.pause()
        st['pauses'] += 1
        gnet.setImmediate(lambda: sock.resume())

    def on_end():
        show('client end', st['total'], h.hexdigest())
        show('paused', st['pauses'] > 0, 'data while paused', st['while_paused'])

    sock.on('data', on_data)
    sock.on('end', on_end)
    sock.on('close', lambda hadError: show('client close', hadError))


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
