import gnet
from compat.trace import show

server = gnet.createServer()
server.unref()
server.on('listening', lambda: show('listening', server.address()['family']))
server.listen(0, '127.0.0.1')
gnet.run()
show('exit', server.listening)
