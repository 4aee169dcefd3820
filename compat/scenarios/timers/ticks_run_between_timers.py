import gnet
from compat.trace import show


def timer1():
    show('timer 1')

    def tick():
        show('tick from timer 1')
        gnet.nextTick(lambda: show('nested tick'))
    gnet.nextTick(tick)


gnet.setTimeout(timer1, 3)
gnet.setTimeout(lambda: show('timer 2'), 3)
gnet.nextTick(lambda: show('tick from main'))
show('main done')
gnet.run()
