import gnet
from compat.trace import show

server = gnet.createServer()


def on_listen():
    a = server.address()
    show('callback', a['address'], a['family'], type(a['port']) is int, a['port'] > 0)
    server.close(lambda *_: show('closed'))


server.listen(on_listen)
show('sync', server.listening)
gnet.run()
