import gnet
from compat.trace import show

# Find a port with nothing listening: listen, note the port, close.
probe = gnet.createServer()


def listening():
    port = probe.address()['port']

    def closed():
        c = gnet.connect(port, '127.0.0.1', lambda: show('connect callback (unexpected)'))

        def on_error(err):
            show('error', err)
            show('message', str(err).replace(str(port), 'PORT'))
            show('fields', err.address, err.port == port)

        c.on('lookup', lambda *a: show('lookup (unexpected for an IP)'))
        c.on('connect', lambda: show('connect (unexpected)'))
        c.on('ready', lambda: show('ready (unexpected)'))
        c.on('end', lambda: show('end (unexpected)'))
        c.on('error', on_error)
        c.on('close', lambda hadError: show('close', hadError))

    probe.close(closed)


probe.listen(0, '127.0.0.1', listening)
gnet.run()
