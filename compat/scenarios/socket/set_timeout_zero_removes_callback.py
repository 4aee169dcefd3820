import gnet
from compat.trace import show

c = gnet.Socket()


def cb():
    show('callback (unexpected)')


c.setTimeout(20, cb)
show('listeners after setTimeout(20, cb)', c.listenerCount('timeout'))
c.setTimeout(0, cb)
show('listeners after setTimeout(0, cb)', c.listenerCount('timeout'), c.timeout)
c.setTimeout(20, cb)
c.setTimeout(30, cb)
show('listeners after two more', c.listenerCount('timeout'), c.timeout)
c.destroy()
gnet.run()
