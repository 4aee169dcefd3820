import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    def on_connect():
        show('write 16383 bytes', c.write(bytes(16383)), c.writableNeedDrain)
        show('write empty string', c.write(''), c.writableNeedDrain)
        show('write empty buffer', c.write(b''))
        c.end(lambda: show('end callback', c.writableLength))

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('drain', lambda: show('drain (unexpected)'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
