import gnet
from compat.trace import show


def on_connection(s):
    total = [0]

    def on_data(d):
        total[0] += len(d)

    def on_end():
        show('server received bytes', total[0])
        server.close(lambda: show('server closed'))

    s.on('data', on_data)
    s.on('end', on_end)


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    show('highWaterMark', c.writableHighWaterMark)
    show('small write', c.write('a'))
    show('needDrain', c.writableNeedDrain, 'length', c.writableLength)
    show('write reaching hwm', c.write(b'\x01' * 16383))
    show('needDrain', c.writableNeedDrain, 'length', c.writableLength)
    show('write past hwm', c.write('b'))
    c.on('connect', lambda: show('connect'))

    def on_drain():
        show('drain', c.writableNeedDrain, c.writableLength)
        c.end()

    c.on('drain', on_drain)


server.listen(0, '127.0.0.1', listening)
gnet.run()
