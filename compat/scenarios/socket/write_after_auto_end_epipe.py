import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end())


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.resume()

    def second_tick():
        show('second tick', c.writableEnded)
        show('write returned', c.write('x', lambda err: show('write callback', err, str(err))))

    def first_tick():
        show('first tick', c.writableEnded)
        gnet.nextTick(second_tick)

    def on_end():
        show('end', c.writableEnded)
        gnet.nextTick(first_tick)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('end', on_end)
    c.on('finish', lambda: show('finish'))
    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
