import gnet
from compat.trace import show


def on_connection(s):
    chunks = []
    s.on('data', chunks.append)
    s.on('end', lambda: show('server got', b''.join(chunks), 'then end'))


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.end('early', lambda: show('end callback'))
    show('after end()', c.readyState, c.connecting, c.writableEnded, c.writableFinished)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('connect', lambda: show('connect', c.readyState))
    c.on('finish', lambda: show('finish'))
    c.on('end', lambda: show('client end'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
