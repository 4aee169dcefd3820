import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    def on_write(err):
        show('write callback', err)
        show('message', err.message)

    def on_connect():
        c.destroy()
        ret = c.write('late', on_write)
        show('write returned', ret)

    def on_close(hadError):
        show('close', hadError)
        gnet.setImmediate(lambda: server.close(lambda: show('server closed')))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('error', lambda err: show('error (unexpected)', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
