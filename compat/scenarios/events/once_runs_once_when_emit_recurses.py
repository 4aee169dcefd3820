from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()
depth = [0]


def once_listener(n):
    depth[0] += 1
    show('once', n, depth[0])
    show('inner emit', e.emit('x', n + 1))


e.once('x', once_listener)
e.on('x', lambda n: show('on', n))
show('outer emit', e.emit('x', 1))
show('third emit', e.emit('x', 9))
