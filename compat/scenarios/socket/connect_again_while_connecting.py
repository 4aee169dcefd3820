import gnet
from compat.trace import show

# connect() again while the first connect (to an address) is in flight: the
# handle refuses a second connect, EALREADY, and the socket is destroyed
# before its first 'connect'.
server = gnet.createServer(lambda s: s.on('error', lambda e: None))


def on_listening():
    port = server.address()['port']
    c = gnet.connect(port, '127.0.0.1')
    c.on('connect', lambda: show('connect'))
    c.on('error', lambda e: show('error', e.code, e.syscall, e.address, e.port == port))

    def on_close(had_error):
        show('close', had_error)
        server.close()

    c.on('close', on_close)
    show('second connect returns the socket', c.connect(port, '127.0.0.1') is c, c.connecting)


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
