from compat.trace import show
from gnet import EventEmitter

e = EventEmitter()
boom = TypeError('boom')
try:
    e.emit('error', boom)
    show('not thrown')
except TypeError as err:
    show('thrown', err is boom, str(err))
e.on('error', lambda err: show('handled', str(err)))
show('emit', e.emit('error', boom))
