import gnet
from compat.trace import show

server = gnet.createServer(lambda c: c.on('error', lambda err: None))


def _shower(name):
    return lambda: show(name, 'close')


def on_listening():
    port = server.address()['port']
    socks = []
    for name in ('a', 'b', 'c'):
        s = gnet.connect(port, '127.0.0.1')
        s.on('close', _shower(name))
        socks.append(s)
    connected = [0]

    def on_connect():
        connected[0] += 1
        if connected[0] < len(socks):
            return
        server.close(lambda: show('server closed'))
        for t in socks:
            t.destroy()
        show('destroyed all')

    for s in socks:
        s.on('connect', on_connect)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
