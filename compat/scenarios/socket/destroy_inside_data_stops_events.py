import gnet
from compat.trace import show


def on_connection(s):
    s.on('error', lambda err: None)
    s.end('first')


server = gnet.createServer(on_connection)


def listening():
    c = gnet.connect(server.address()['port'], '127.0.0.1')

    def on_data(d):
        show('data', d)
        c.destroy()
        show('destroyed in data', c.destroyed, c.readable, c.writable)

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c.on('data', on_data)
    c.on('end', lambda: show('end'))
    c.on('finish', lambda: show('finish'))
    c.on('error', lambda err: show('error', err))
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
