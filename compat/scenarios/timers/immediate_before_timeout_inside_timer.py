import gnet
from compat.trace import show


def timer():
    gnet.setTimeout(lambda: show('timeout 0'), 0)
    gnet.setImmediate(lambda: show('immediate'))
    gnet.nextTick(lambda: show('tick'))
    show('timer')


gnet.setTimeout(timer, 2)
gnet.run()
