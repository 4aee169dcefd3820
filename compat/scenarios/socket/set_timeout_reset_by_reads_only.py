import gnet
from compat.trace import show

# The client only reads: the server writes every 100 ms four times, and the
# client's 300 ms idle timeout fires only after the server went quiet.


def on_connection(s):
    n = [0]

    def tick():
        n[0] += 1
        s.write(str(n[0]))
        if n[0] == 4:
            gnet.clearInterval(iv)

    iv = gnet.setInterval(tick, 100)
    s.on('end', lambda: s.end())


server = gnet.createServer(on_connection)


def listening():
    def on_timeout():
        show('timeout after the server went quiet')
        c.end()

    def on_close(hadError):
        show('close', hadError)
        server.close(lambda: show('server closed'))

    c = gnet.connect(server.address()['port'], '127.0.0.1', lambda: c.setTimeout(300))
    c.on('data', lambda d: show('data', d.decode()))
    c.on('timeout', on_timeout)
    c.on('close', on_close)


server.listen(0, '127.0.0.1', listening)
gnet.run()
