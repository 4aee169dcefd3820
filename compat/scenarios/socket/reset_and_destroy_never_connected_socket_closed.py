import gnet
from compat.trace import show

c = gnet.Socket()
c.on('error', lambda err: show('error', err, str(err)))
c.on('close', lambda hadError: show('close', hadError))
show('returned same socket', c.resetAndDestroy() is c)
show('destroyed', c.destroyed)
gnet.run()
