import gnet
from compat.trace import show

server = gnet.createServer()
server.on('listening', lambda: show('listening'))
server.on('error', lambda err: show('error event', err))
try:
    server.listen({})
    show('no throw')
except Exception as err:
    show('threw', err, isinstance(err, TypeError))
    show('message', str(err))
show('listening', server.listening, server.address())
gnet.run()
show('exit')
