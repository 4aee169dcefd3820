from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()
added = []


def first(n):
    show('first', n)
    if not added:
        added.append(True)
        e.on('x', lambda m: show('late', m))


e.on('x', first)
e.emit('x', 1)
e.emit('x', 2)
