import gnet
from compat.trace import show


def on_connection(s):
    chunks = []

    def on_end():
        show('server got', b''.join(chunks))
        server.close(lambda: show('server closed'))

    s.on('data', chunks.append)
    s.on('end', on_end)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.on('connect', lambda: show('connect', c.pending))
    show('write a', c.write('a', lambda: show('callback a')))
    show('write b', c.write(b'b', lambda: show('callback b')))
    show('write c', c.write('63', 'hex', lambda: show('callback c')))
    show('pending', c.pending, 'writableLength', c.writableLength)
    c.end('d', lambda: show('end callback'))


server.listen(0, '127.0.0.1', listening)
gnet.run()
