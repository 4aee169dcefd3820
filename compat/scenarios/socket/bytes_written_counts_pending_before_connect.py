import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    show('before write', c.bytesWritten, c.bytesRead)
    c.write('abc')
    show('after string write', c.bytesWritten)
    c.write(b'de')
    show('after buffer write', c.bytesWritten)
    c.on('connect', lambda: show('connect', c.bytesWritten))
    c.end(lambda: show('end callback', c.bytesWritten))

    def on_close():
        show('close', c.bytesWritten)
        server.close(lambda: show('server closed'))

    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
