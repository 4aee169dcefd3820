import gnet
from compat.trace import show

server = gnet.createServer()


def on_listening():
    show('listening event', server.listening, server.address()['family'])
    server.close(lambda *_: show('closed'))


server.on('listening', on_listening)
server.listen(0, '127.0.0.1')
gnet.nextTick(lambda: show('tick queued after listen()', server.listening))
show('after', server.listening, server.address())
gnet.run()
