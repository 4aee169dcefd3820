import gnet
from compat.trace import show

c = gnet.Socket()
c.on('error', lambda err: show('error', err))
c.on('end', lambda: show('end'))
c.on('finish', lambda: show('finish'))
c.on('close', lambda hadError: show('close', hadError, c.destroyed, c.readyState))
show('destroy returned same socket', c.destroy() is c)
show('destroyed', c.destroyed, c.readable, c.writable)
gnet.setImmediate(lambda: show('immediate after destroy'))
gnet.nextTick(lambda: show('tick after destroy'))
gnet.run()
