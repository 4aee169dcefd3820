import gnet
from compat.trace import show


def on_connection(s):
    chunks = []
    s.on('data', chunks.append)
    s.on('end', lambda: show('server got', b''.join(chunks)))
    s.end()


server = gnet.createServer({'allowHalfOpen': True}, on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    c.resume()

    def on_end():
        show('client end', c.writableEnded)
        show('write in end listener returned',
             c.write('just in time', lambda err: show('write callback', err)))

    def on_close(hadError):
        show('client close', hadError)
        server.close(lambda: show('server closed'))

    c.on('end', on_end)
    c.on('error', lambda err: show('error', err))
    c.on('finish', lambda: show('client finish'))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
