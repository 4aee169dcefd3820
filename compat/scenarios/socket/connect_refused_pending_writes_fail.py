import gnet
from compat.trace import show

probe = gnet.createServer()


def listening():
    port = probe.address()['port']

    def closed():
        c = gnet.connect(port, '127.0.0.1')
        show('write returned', c.write('queued', lambda err: show('write callback', err)))
        c.on('error', lambda err: show('error', err))
        c.on('close', lambda hadError: show('close', hadError))

    probe.close(closed)


probe.listen(0, '127.0.0.1', listening)
gnet.run()
