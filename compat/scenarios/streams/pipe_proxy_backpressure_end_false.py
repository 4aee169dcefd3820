import hashlib

import gnet
from compat.trace import show

SIZE = 8 * 1024 * 1024
payload = (bytes((i * 7) % 256 for i in range(256)) * (SIZE // 256))[:SIZE]

st = {'upstream_conn': None, 'source_paused': False}


def start_upstream_reading():
    if st['upstream_conn'] is not None and st['source_paused']:
        st['upstream_conn'].resume()


def on_upstream_connection(conn):
    st['upstream_conn'] = conn
    h = hashlib.sha256()
    total = [0]

    def on_data(d):
        total[0] += len(d)
        h.update(d)

    def on_end():
        digest = h.hexdigest()
        show('upstream received', total[0], digest)
        conn.end('done %d %s' % (total[0], digest))
    conn.on('data', on_data)
    conn.on('end', on_end)
    conn.on('close', lambda: upstream.close())
    start_upstream_reading()


upstream = gnet.createServer({'pauseOnConnect': True}, on_upstream_connection)


def on_proxy_connection(client_conn):
    up = gnet.connect(upstream.address()['port'], '127.0.0.1')
    client_conn.pipe(up, {'end': False})
    up.pipe(client_conn)

    def on_pause():
        show('proxy source paused', up.writableNeedDrain)
        st['source_paused'] = True
        start_upstream_reading()

    def on_end():
        show('proxy: client ended, upstream writableEnded', up.writableEnded)
        up.end('TRAILER')
    client_conn.once('pause', on_pause)
    client_conn.on('end', on_end)
    client_conn.on('close', lambda: proxy.close())


proxy = gnet.createServer({'allowHalfOpen': True}, on_proxy_connection)


def on_proxy_listening():
    sock = gnet.connect(proxy.address()['port'], '127.0.0.1')
    reply = []
    sock.end(payload)
    sock.on('data', lambda d: reply.append(d))

    def on_end():
        expected = hashlib.sha256(payload + b'TRAILER').hexdigest()
        text = b''.join(reply).decode()
        show('client got reply', text == 'done %d %s' % (SIZE + 7, expected))
    sock.on('end', on_end)
    sock.on('close', lambda: show('client close'))


upstream.listen(0, '127.0.0.1', lambda: proxy.listen(0, '127.0.0.1', on_proxy_listening))
gnet.run()
