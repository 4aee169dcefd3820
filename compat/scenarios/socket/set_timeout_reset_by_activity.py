import gnet
from compat.trace import show

# A 300 ms idle timeout; the client writes every 100 ms four times, the
# server echoes, so the socket is never idle long enough until it stops.
server = gnet.createServer(lambda s: s.on('data', lambda d: s.write(d)))


def listening():
    def on_connect():
        c.setTimeout(300)
        n = [0]

        def tick():
            n[0] += 1
            c.write(str(n[0]))
            if n[0] == 4:
                gnet.clearInterval(iv)

        iv = gnet.setInterval(tick, 100)

    def on_timeout():
        show('timeout after the writes stopped')
        c.end()

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)
    c.on('data', lambda d: show('echo', d.decode()))
    c.on('timeout', on_timeout)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
