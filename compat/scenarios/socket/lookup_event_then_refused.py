import gnet
from compat.trace import show

probe = gnet.createServer()


def listening():
    port = probe.address()['port']

    def closed():
        c = gnet.connect({'port': port, 'host': 'localhost', 'family': 4})
        c.on('lookup', lambda err, address, family, host: show('lookup', err, address, family, host))
        c.on('error', lambda err: show('error', err, err.address))
        c.on('close', lambda hadError: show('close', hadError))

    probe.close(closed)


probe.listen(0, '127.0.0.1', listening)
gnet.run()
