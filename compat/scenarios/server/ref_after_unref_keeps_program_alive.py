import gnet
from compat.trace import show

server = gnet.createServer()
server.listen(0)
server.unref()
show('ref returns server', server.ref() is server)


def later():
    show('unref timer fired', server.listening)
    server.close(lambda *_: show('closed'))


gnet.setTimeout(later, 50).unref()
gnet.run()
show('exit')
