import gnet
from compat.trace import show

server = gnet.createServer()
try:
    server.listen(65536)
    show('no throw')
except Exception as err:
    show('threw', err, isinstance(err, ValueError))
    show('message', str(err))
show('listening', server.listening)
gnet.run()
show('exit')
