import gnet
from compat.trace import show


def state(label, c):
    show(label, c.readyState, 'connecting', c.connecting, 'pending', c.pending,
         'destroyed', c.destroyed, 'readable', c.readable, 'writable', c.writable)


probe = gnet.createServer()


def listening():
    port = probe.address()['port']

    def closed():
        c = gnet.connect(port, '127.0.0.1')
        state('connecting', c)

        def on_error(err):
            show('error', err)
            state('at error', c)

        def on_close(hadError):
            show('close', hadError)
            state('at close', c)

        c.on('error', on_error)
        c.on('close', on_close)

    probe.close(closed)


probe.listen(0, '127.0.0.1', listening)
gnet.run()
