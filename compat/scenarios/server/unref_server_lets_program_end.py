import gnet
from compat.trace import show

server = gnet.createServer()
server.on('listening', lambda: show('listening', server.listening))
server.listen(0)
show('unref returns server', server.unref() is server)
gnet.run()
show('exit', server.listening)
