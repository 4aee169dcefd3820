import gnet
from compat.trace import show

# Server-side values are logged and printed after the client's, once both
# sockets closed: the order between the two sides is not fixed.
server_log = []
closed = [0]


def done():
    closed[0] += 1
    if closed[0] < 2:
        return
    for line in server_log:
        show(*line)
    server.close(lambda: show('server closed'))


def on_connection(s):
    server_log.append(['server start', s.bytesRead, s.bytesWritten])

    def on_end():
        server_log.append(['server at end', s.bytesRead, s.bytesWritten])
        s.end('!!')

    def on_close():
        server_log.append(['server at close', s.bytesRead, s.bytesWritten])
        done()

    s.on('data', lambda d: s.write(d))
    s.on('end', on_end)
    s.on('close', on_close)


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        show('client connect', c.bytesRead, c.bytesWritten)
        c.write('hello ')
        show('client after write', c.bytesWritten)

    got = [0]

    def on_data(d):
        got[0] += len(d)
        if got[0] == 6:
            show('client got echo', c.bytesRead)
            c.end('world')

    def on_close():
        show('client at close', c.bytesRead, c.bytesWritten)
        done()

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('data', on_data)
    c.on('end', lambda: show('client at end', c.bytesRead, c.bytesWritten))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
