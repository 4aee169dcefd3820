import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    def on_connect():
        c.end('last')
        show('write returned', c.write('late'))

    def on_error(err):
        show('error', err)
        show('message', err.message)
        show('errored', c.errored is err)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('error', on_error)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
