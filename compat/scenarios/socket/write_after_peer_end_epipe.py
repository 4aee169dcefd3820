import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end())


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.resume()

    def on_write(err):
        show('write callback', err)
        show('message', str(err))

    def on_finish():
        show('finish', c.writableEnded, c.destroyed)
        ret = c.write('too late', on_write)
        show('write returned', ret)

    def on_error(err):
        show('error', err)
        show('error message', str(err))

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('end', lambda: show('end', c.writableEnded))
    c.on('finish', on_finish)
    c.on('error', on_error)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
