import gnet
from compat.trace import show

# The client fills the kernel's buffers and gnet's queue; then the server,
# which never reads, resets. The client's read sees the reset first; the
# write still queued completes, without error, after 'error' and before 'close'.
st = {'accepted': None, 'client': None, 'waiting': 2}
writes = []


def flood():
    client = st['client']
    chunk = b'w' * 65536
    while True:
        n = len(writes)
        writes.append('pending')

        def cb(err=None, n=n):
            writes[n] = err
            if n == len(writes) - 1:
                show('last write callback', err)

        if not client.write(chunk, cb):
            break
    show('client queued', client.writableLength > 0)
    st['accepted'].resetAndDestroy()


def ready():
    st['waiting'] -= 1
    if st['waiting'] == 0:
        flood()


def on_connection(s):
    st['accepted'] = s
    s.pause()
    s.on('close', lambda hadError: show('server close', hadError))
    ready()


server = gnet.createServer(on_connection)


def listening():
    client = st['client'] = gnet.connect(server.address()['port'], '127.0.0.1', ready)

    def on_error(err):
        show('client error', err, str(err))
        show('still queued', client.writableLength > 0, 'destroyed', client.destroyed)

    def on_close(hadError):
        show('client close', hadError)
        show('every write callback ran once, without error', all(w is None for w in writes))
        server.close(lambda: show('server closed'))

    client.on('error', on_error)
    client.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
