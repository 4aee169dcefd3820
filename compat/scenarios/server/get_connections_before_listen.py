import gnet
from compat.trace import show

server = gnet.createServer()
ret = server.getConnections(lambda err, n: show('callback', err, n))
show('returned server', ret is server)
gnet.run()
