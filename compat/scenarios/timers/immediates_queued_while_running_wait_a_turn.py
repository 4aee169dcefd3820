import gnet
from compat.trace import show


def a():
    show('A')
    gnet.setImmediate(lambda: show('C (queued by A)'))
    gnet.nextTick(lambda: show('tick after A'))


gnet.setImmediate(a)
gnet.setImmediate(lambda x, y: show('B', x, y), 1, 'two')
gnet.nextTick(lambda: show('tick from main'))
gnet.run()
