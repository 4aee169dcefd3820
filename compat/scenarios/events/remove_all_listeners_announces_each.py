from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()


def a():
    pass


def b():
    pass


def c():
    pass


def first(name, l):
    show('first sees', name, l)


def second(name, l):
    show('second sees', name, l)


e.on('b', a)
e.once('b', b)
e.on('b', c)
e.on('7', a)
e.once('z', c)
e.on('removeListener', first)
e.on('removeListener', second)
show('one event')
show('returns', e.removeAllListeners('z') is e)
show('all')
e.removeAllListeners()
show('names', e.eventNames())
quiet = EventEmitter()
quiet.on('x', a)
show('without removeListener listeners', quiet.removeAllListeners('x') is quiet, quiet.removeAllListeners('y') is quiet, quiet.eventNames())
