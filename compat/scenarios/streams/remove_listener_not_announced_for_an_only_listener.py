import gnet
from compat.trace import show

# A stream (here a gnet.Socket) is an EventEmitter in Node's "shape mode":
# removing an event's only listener is not announced with 'removeListener';
# removing one of several is. A plain EventEmitter announces both.

for name, e in [('EventEmitter', gnet.EventEmitter()), ('Socket', gnet.Socket())]:
    f = lambda: None
    g = lambda: None
    e.on('removeListener', lambda event, *_, name=name: show(name, 'removeListener', event))
    show(name, 'only listener')
    e.on('x', f)
    e.removeListener('x', f)
    show(name, 'one of two, then the last')
    e.on('y', f)
    e.on('y', g)
    e.removeListener('y', f)
    e.removeListener('y', g)
    show(name, 'once, emitted')
    e.once('z', f)
    e.emit('z')
    show(name, 'removeAllListeners(w)')
    e.on('w', f)
    e.removeAllListeners('w')
    show(name, 'off, two of one event')
    e.on('v', f)
    e.on('v', g)
    e.off('v', g)
    e.off('v', f)
    show(name, 'listenerCount', e.listenerCount('x'), e.listenerCount('y'), e.listenerCount('v'))
