from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def onX(v):
    show('onX', v)


e.once('x', onX)
raw = e.rawListeners('x')
show('raw', len(raw), raw[0] is onX, raw[0].listener is onX, raw[0])
show('listeners', e.listeners('x'), e.listeners('x')[0] is onX)
raw[0]('direct')
show('after direct call', e.listenerCount('x'))
raw[0]('again')
show('emit', e.emit('x', 'late'))
