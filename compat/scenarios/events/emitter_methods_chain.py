from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def f(v):
    show('f', v)


r = (e.on('x', f).addListener('x', f).once('x', f).prependListener('x', f)
     .prependOnceListener('x', f).setMaxListeners(20).off('x', f).removeListener('x', f))
show('same', r is e, e.listenerCount('x'))
show('emit', e.emit('x', 1), e.emit('y', 1))
show('cleared', e.removeAllListeners('x').removeAllListeners() is e, e.emit('x', 2))
