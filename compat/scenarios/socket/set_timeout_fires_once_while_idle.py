import gnet
from compat.trace import show

# With no activity after it fires, the idle timer is not armed again:
# one 'timeout' in 200 ms of silence with a 20 ms timeout.
server = gnet.createServer(lambda s: s.resume())


def listening():
    fired = [0]

    def later():
        show('timeouts in 200 ms', fired[0])
        c.end()

    def on_connect():
        c.setTimeout(20)
        gnet.setTimeout(later, 200)

    def on_timeout():
        fired[0] += 1
        show('timeout', fired[0])

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('timeout', on_timeout)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
