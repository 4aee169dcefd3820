import gnet
from compat.trace import show

# While the server's 'data' listener runs, its peer resets (in gnet the
# listener could as well block while that happens). The listener's next
# write of a Buffer reports what the kernel says first: ECONNRESET, not EPIPE.
st = {}


def on_connection(s):
    def on_data(d):
        show('server data', d)
        st['client'].resetAndDestroy()
        show('write returned', s.write(b'late'), 'destroyed', s.destroyed)

    def on_close(hadError):
        show('server close', hadError)
        server.close(lambda: show('server closed'))

    s.on('data', on_data)
    s.on('error', lambda err: show('server error', err, str(err)))
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    client = st['client'] = gnet.connect(server.address()['port'], '127.0.0.1', lambda: client.write('go'))
    client.on('close', lambda hadError: show('client close', hadError))


server.listen(0, '127.0.0.1', listening)
gnet.run()
