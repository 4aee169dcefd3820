import gnet
from compat.trace import show


def on_connection(s):
    s.end()

    def on_close(hadError):
        show('server socket close', hadError)
        server.close(lambda: show('server closed'))

    def on_end():
        show('server end')
        s.on('close', on_close)

    s.on('data', lambda d: show('server data', d))
    s.on('end', on_end)


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'allowHalfOpen': True})
    c.resume()

    def on_write(err):
        show('write callback', err)
        c.end()

    def later():
        show('write after end returned', c.write('still ok', on_write))

    c.on('end', lambda: gnet.setImmediate(later))
    c.on('error', lambda err: show('error', err))


server.listen(0, '127.0.0.1', listening)
gnet.run()
