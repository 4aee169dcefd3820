import gnet
from compat.trace import show

gnet.process.on('uncaughtException', lambda err, origin: show('uncaught', str(err), origin))
n = 0


def tick():
    global n
    n += 1
    if n == 3:
        gnet.clearInterval(iv)
    raise Exception('tick %d' % n)


iv = gnet.setInterval(tick, 1)
gnet.run()
