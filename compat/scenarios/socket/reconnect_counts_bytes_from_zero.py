import gnet
from compat.trace import show

server = gnet.createServer(lambda c: c.end('hello'))


def on_listening():
    port = server.address()['port']
    s = gnet.Socket()
    rounds = [0]

    def on_connect():
        show('connect', rounds[0], s.bytesRead, s.bytesWritten)
        s.write('abc')

    def on_close(had_error):
        show('close', rounds[0], s.bytesRead, s.bytesWritten)
        rounds[0] += 1
        if rounds[0] < 2:
            s.connect(port, '127.0.0.1')
        else:
            server.close(lambda *_: show('server closed'))

    s.on('connect', on_connect)
    s.on('data', lambda d: None)
    s.on('close', on_close)
    s.connect(port, '127.0.0.1')


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
