import gnet
from compat.trace import show

server = gnet.createServer(lambda c: c.on('error', lambda err: None))


def on_listening():
    port = server.address()['port']
    a = gnet.connect(port, '127.0.0.1')
    b = gnet.connect(port, '127.0.0.1')
    connected = [0]

    def on_a_close():
        show('a close')
        b.destroy()
        gnet.setImmediate(lambda: show('immediate queued in a close'))

    def on_connect():
        connected[0] += 1
        if connected[0] < 2:
            return
        server.close()
        a.on('close', on_a_close)
        b.on('close', lambda: show('b close'))
        a.destroy()

    a.on('connect', on_connect)
    b.on('connect', on_connect)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
