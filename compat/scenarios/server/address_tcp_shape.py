import gnet
from compat.trace import show

server = gnet.createServer()


def on_listen():
    a = server.address()
    show('keys', sorted(a))
    show('values', a['address'], a['family'], 'number' if type(a['port']) is int else type(a['port']).__name__,
         a['port'] > 0)
    show('fresh object', server.address() is not a, server.address()['port'] == a['port'])
    server.close(lambda *_: show('closed'))


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
