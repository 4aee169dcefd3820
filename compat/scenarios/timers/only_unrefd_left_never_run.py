import gnet
from compat.trace import show

gnet.setTimeout(lambda: show('unref timeout ran'), 1).unref()
gnet.setInterval(lambda: show('unref interval ran'), 1).unref()
gnet.setImmediate(lambda: show('unref immediate ran')).unref()


def tick():
    show('tick')
    gnet.setTimeout(lambda: show('unref timeout from tick ran'), 0).unref()
    gnet.setImmediate(lambda: show('unref immediate from tick ran')).unref()


gnet.nextTick(tick)
show('main done')
gnet.run()
show('exit')
