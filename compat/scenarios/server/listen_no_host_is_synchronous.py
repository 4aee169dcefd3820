import gnet
from compat.trace import show

server = gnet.createServer()


def on_listening():
    show('listening event')
    server.close(lambda *_: show('closed'))


server.on('listening', on_listening)
show('before', server.listening, server.address())
server.listen(0)
gnet.nextTick(lambda: show('tick queued after listen()'))
show('after', server.listening, server.address()['family'])
gnet.run()
