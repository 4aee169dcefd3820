import gevent

from compat.trace import show
from gnet import EventEmitter, once

e = EventEmitter()
e.on('newListener', lambda name: show('adds', name))
e.on('removeListener', lambda name: show('removes', name))
gevent.spawn(e.emit, 'x', 1, 'two', None)
show('args', once(e, 'x'))
show('left', e.listenerCount('x'), e.listenerCount('error'))
gevent.spawn(e.emit, 'empty')
show('no args', once(e, 'empty'))
