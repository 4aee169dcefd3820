import gnet
from compat.trace import show

gnet.nextTick(lambda: show('tick none'), 'a', 'b')
gnet.nextTick(lambda a: show('tick one', a), 'a', 'b')
gnet.nextTick(lambda a, b: show('tick two', a, b), 'a')
gnet.nextTick(lambda a, b='dflt': show('tick default', a, b), 'a')
gnet.setImmediate(lambda: show('immediate none'), 'a', 'b')
gnet.setImmediate(lambda a: show('immediate one', a), 'a', 'b')
gnet.setImmediate(lambda a, b: show('immediate two', a, b), 'a')


def immediate_rest(*rest):
    show('immediate rest', list(rest))
    gnet.setTimeout(lambda: show('timeout none'), 1, 'a', 'b')
    gnet.setTimeout(lambda a: show('timeout one', a), 1, 'a', 'b')
    gnet.setTimeout(lambda a, b: show('timeout two', a, b), 1)
    gnet.setTimeout(timeout_default, 1, 'a')


def timeout_default(a, b='dflt'):
    show('timeout default', a, b)
    times = [0]

    def on_interval(a):
        times[0] += 1
        show('interval one', a, times[0])
        if times[0] == 2:
            gnet.clearInterval(interval)

    interval = gnet.setInterval(on_interval, 1, 'a', 'b')


gnet.setImmediate(immediate_rest, 'a', 'b')
gnet.run()
