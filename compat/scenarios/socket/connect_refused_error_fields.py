import gnet
from compat.trace import show

probe = gnet.createServer()


def listening():
    port = probe.address()['port']

    def closed():
        c = gnet.connect({'port': port, 'host': '127.0.0.1'})

        def on_error(err):
            show('code', err.code)
            show('errno', err.errno)
            show('syscall', err.syscall)
            show('address', err.address)
            show('port matches', err.port == port)
            show('is Error', isinstance(err, Exception))

        c.on('error', on_error)

    probe.close(closed)


probe.listen(0, '127.0.0.1', listening)
gnet.run()
