import gnet
from compat.trace import show

# 'timeout' only notifies: the socket stays open, and the timer is armed
# again by the next activity (here a write), not by firing.
server = gnet.createServer(lambda s: s.resume())


def listening():
    def on_connect():
        show('setTimeout returned same socket', c.setTimeout(30) is c)
        show('timeout property', c.timeout)

    fired = [0]

    def on_timeout():
        fired[0] += 1
        show('timeout', fired[0], c.destroyed, c.readyState, c.timeout)
        if fired[0] == 1:
            c.write('activity')
        else:
            c.end()

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('timeout', on_timeout)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
