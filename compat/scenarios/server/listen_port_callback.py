import gnet
from compat.trace import show

server = gnet.createServer()


def on_listen(*args):
    a = server.address()
    show('callback', len(args), a['address'], a['family'], type(a['port']) is int)
    server.close(lambda *_: show('closed'))


server.listen(0, on_listen)
show('after listen')
gnet.run()
