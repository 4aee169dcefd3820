from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def onX():
    pass


e.on('newListener', lambda name, listener: show('newListener', name, listener, e.listenerCount(name)))
e.on('x', onX)
e.once('x', onX)
e.prependOnceListener('y', onX)


def second():
    pass


e.on('newListener', second)
show('counts', e.listenerCount('x'), e.listenerCount('y'), e.listenerCount('newListener'))
