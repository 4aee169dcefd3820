import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.end('payload'))


def listening():
    def resume():
        show('resuming', c.readableEnded, c.readyState)
        c.resume()

    def on_connect():
        c.pause()
        gnet.setTimeout(resume, 50)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('data', lambda d: show('data', d))
    c.on('end', lambda: show('end'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
