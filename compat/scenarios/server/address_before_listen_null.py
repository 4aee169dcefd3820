import gnet
from compat.trace import show

server = gnet.createServer()
show('address', server.address(), 'listening', server.listening)
gnet.run()
show('exit')
