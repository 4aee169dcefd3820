import gnet
from compat.trace import show

server = gnet.createServer()


def on_listen():
    a = server.address()
    show('listening', 'object' if isinstance(a, dict) else type(a).__name__, a['address'], a['family'],
         type(a['port']) is int)
    server.close(lambda *_: show('closed'))


server.listen('0', '127.0.0.1', on_listen)
gnet.run()
