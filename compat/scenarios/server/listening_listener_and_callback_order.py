import gnet
from compat.trace import show

server = gnet.createServer()
server.on('listening', lambda: show('listener added before listen()'))
server.listen(0, '127.0.0.1', lambda: show('listen callback'))


def after():
    show('listener added after listen()')
    server.close(lambda *_: show('closed'))


server.on('listening', after)
gnet.run()
