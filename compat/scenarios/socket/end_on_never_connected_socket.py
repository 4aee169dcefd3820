import gnet
from compat.trace import show

c = gnet.Socket()
c.on('finish', lambda: show('finish'))
c.on('error', lambda err: show('error', err))
c.on('close', lambda hadError: show('close', hadError, c.destroyed))
show('end returned same socket', c.end(lambda err: show('end callback', err)) is c)
show('after end()', c.writableEnded, c.readyState, c.destroyed)


def later():
    show('later', c.writableFinished, c.destroyed)
    c.destroy()


gnet.setTimeout(later, 20)
gnet.run()
