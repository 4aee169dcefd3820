import gnet
from compat.trace import show

server = gnet.createServer(lambda s: s.resume())


def listening():
    fired = [0]

    def on_timeout():
        fired[0] += 1
        show('timeout listener', fired[0], c.listenerCount('timeout'))
        if fired[0] == 1:
            c.write('activity re-arms the timer')
        else:
            c.destroy()

    def on_connect():
        c.on('timeout', on_timeout)
        c.setTimeout(20, lambda: show('setTimeout callback'))
        show('timeout listeners', c.listenerCount('timeout'))

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
