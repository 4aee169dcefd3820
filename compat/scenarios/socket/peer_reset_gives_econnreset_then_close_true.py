import gnet
from compat.trace import show


def on_connection(s):
    def on_data(d):
        show('server data', d)
        show('resetAndDestroy returned same socket', s.resetAndDestroy() is s)

    s.on('data', on_data)


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        show('client connect')
        c.write('x')

    def on_error(err):
        show('client error', err)
        show('message', str(err))
        show('errored', c.errored is err, c.destroyed)

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('data', lambda d: show('client data', d))
    c.on('end', lambda: show('client end'))
    c.on('error', on_error)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
