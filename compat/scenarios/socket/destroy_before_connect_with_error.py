import gnet
from compat.trace import show

c = gnet.Socket()
c.on('error', lambda err: show('error', err, str(err), c.destroyed))
c.on('close', lambda hadError: show('close', hadError))
c.destroy(Exception('boom'))
show('destroyed', c.destroyed, c.errored is None)
gnet.nextTick(lambda: show('tick after destroy'))
gnet.run()
