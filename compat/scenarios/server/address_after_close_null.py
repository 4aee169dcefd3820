import gnet
from compat.trace import show

server = gnet.createServer()


def on_listen():
    server.close(lambda *_: show('in close callback', server.address(), server.listening))
    show('right after close()', server.address(), server.listening)


server.listen(0, '127.0.0.1', on_listen)
gnet.run()
