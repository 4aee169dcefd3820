from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def a():
    show('a')
    e.removeListener('x', b)
    e.removeListener('x', c)


def b():
    show('b')


def c():
    show('c')


e.on('x', a)
e.on('x', b)
e.on('x', c)
show('first', e.emit('x'))
show('second', e.emit('x'))
show('count', e.listenerCount('x'))
