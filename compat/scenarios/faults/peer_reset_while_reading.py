import gnet
from compat.trace import show

# The server sends more than the kernel's buffers hold; at the client's first
# 'data' it resets. The client has some of the data, then the read's ECONNRESET.
TOTAL = 8 * 1024 * 1024
st = {'accepted': None, 'got': 0}


def on_connection(s):
    st['accepted'] = s
    s.on('close', lambda hadError: show('server close', hadError))
    chunk = b'b' * 65536
    sent = 0
    while sent < TOTAL and s.write(chunk):
        sent += len(chunk)
    show('server queued', s.writableLength > 0)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')

    def on_data(d):
        if st['got'] == 0:
            show('client first data')
            st['accepted'].resetAndDestroy()
        st['got'] += len(d)

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c.on('data', on_data)
    c.on('end', lambda: show('client end (unexpected)'))
    c.on('error', lambda err: show('client error', err, str(err), 'got some, not all:', 0 < st['got'] < TOTAL))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
