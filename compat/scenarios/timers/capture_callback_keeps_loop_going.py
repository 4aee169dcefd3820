import gnet
from compat.trace import show

gnet.setUncaughtExceptionCaptureCallback(lambda err: show('captured', str(err)))


def first():
    show('first')
    raise Exception('boom')


def boom(text):
    raise Exception(text)


gnet.setTimeout(first, 1)


def second():
    show('second still runs')
    gnet.setImmediate(boom, 'from immediate')


gnet.setTimeout(second, 1)
gnet.nextTick(boom, 'from tick')
gnet.run()
