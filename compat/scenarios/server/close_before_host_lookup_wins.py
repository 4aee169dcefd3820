import gnet
from compat.trace import show

server = gnet.createServer()
server.on('listening', lambda: show('listening event'))
server.on('close', lambda: show('close event'))
server.listen(0, '127.0.0.1', lambda: show('listen callback'))
server.close(lambda err: show('close callback', err, err and str(err)))
gnet.run()
show('exit', server.listening, server.address())
