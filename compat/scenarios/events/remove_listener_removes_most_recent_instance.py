from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def f(tag):
    show('f', tag)


e.on('x', f)
e.once('x', f)
e.on('x', lambda: show('other'))
e.removeListener('x', f)
show('raw', [l is f for l in e.rawListeners('x')])
e.emit('x', 1)
e.on('x', f)
e.on('x', f)
e.removeListener('x', f)
show('raw', [l is f for l in e.rawListeners('x')])
e.emit('x', 2)
