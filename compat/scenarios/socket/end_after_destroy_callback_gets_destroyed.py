import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    def on_connect():
        c.destroy()
        c.end(lambda err: show('end callback', err, err and str(err)))
        c.end('data', lambda err: show('end with data callback', err))
        show('end() calls done')

    def on_close(hadError):
        show('close', hadError)
        gnet.setImmediate(lambda: server.close(lambda: show('server closed')))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('error', lambda err: show('error (unexpected)', err))
    c.on('finish', lambda: show('finish (unexpected)'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
