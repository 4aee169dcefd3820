from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()
e.on('x', lambda: show('none'))
e.on('x', lambda a: show('one', a))
e.on('x', lambda a, b, c: show('three', a, b, c))
e.on('x', lambda *all: show('rest', all))
e.once('x', lambda a, b: show('once two', a, b))
e.emit('x', 1, 2)
e.emit('x')
