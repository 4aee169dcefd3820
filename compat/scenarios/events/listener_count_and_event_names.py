from compat.trace import show
from gnet import EventEmitter, errorMonitor

e = EventEmitter()


def f():
    pass


def g():
    pass


show('empty', e.eventNames(), e.listenerCount('x'))
e.on('b', f)
e.on('2', f)
e.on(errorMonitor, f)
e.on('a', f)
e.once('a', f)
e.on('a', g)
e.on('10', g)
e.on('01', g)
show('names', e.eventNames())
show('count a', e.listenerCount('a'), e.listenerCount('a', f), e.listenerCount('a', g), e.listenerCount('a', None))
show('count b', e.listenerCount('b'), e.listenerCount('b', g))
e.removeAllListeners('2')
e.on('2', f)
show('after re-add', e.eventNames())
e.removeAllListeners()
show('cleared', e.eventNames())
