from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()
e.on('x', lambda: show('on 1'))
e.prependListener('x', lambda: show('prepend 2'))
e.on('x', lambda: show('on 3'))
e.prependOnceListener('x', lambda: show('prependOnce 4'))
show('returns emitter', e.prependListener('y', lambda: None) is e, e.prependOnceListener('y', lambda: None) is e)
e.emit('x')
show('--')
e.emit('x')
