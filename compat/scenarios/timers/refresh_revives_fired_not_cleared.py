import gnet
from compat.trace import show

n = 0


def fire():
    global n
    n += 1
    show('fired', n)
    if n < 3:
        t.refresh()


t = gnet.setTimeout(fire, 3)
c = gnet.setTimeout(lambda: show('cleared one fired'), 3)
gnet.clearTimeout(c)
show('refresh returns handle', c.refresh() is c)
gnet.run()
