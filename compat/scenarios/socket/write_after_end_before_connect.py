import gnet
from compat.trace import show


def on_connection(s):
    s.on('error', lambda err: None)
    s.resume()


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: show('connect'))
    c.end('first')
    show('write returned', c.write('second', lambda err: show('write callback', err)))

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
