from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def onX():
    pass


def other():
    pass


e.on('removeListener', lambda name, listener: show('removeListener', name, listener, e.listenerCount(name)))
e.once('x', onX)
e.emit('x')
e.once('x', onX)
e.off('x', e.rawListeners('x')[0])
e.once('x', onX)
e.on('x', other)
e.off('x', e.rawListeners('x')[0])
e.off('x', onX)
e.off('nothing', onX)
show('left', e.listeners('x'))
