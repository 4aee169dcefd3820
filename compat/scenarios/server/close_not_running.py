import gnet
from compat.trace import show

server = gnet.createServer()
server.on('close', lambda: show('close event'))


def on_close(err):
    show('close callback', err, isinstance(err, Exception))
    show('message', str(err))


ret = server.close(on_close)
show('close() returned server', ret is server)
gnet.run()
show('exit')
