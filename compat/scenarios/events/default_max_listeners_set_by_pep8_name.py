import warnings

from compat.trace import show
from gnet import EventEmitter

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    show('before', EventEmitter.default_max_listeners)
    EventEmitter.default_max_listeners = 1
    show('after', EventEmitter.defaultMaxListeners)
    e = EventEmitter()
    show('limit', e.getMaxListeners())
    e.on('foo', lambda: None)
    e.on('foo', lambda: None)
    EventEmitter.default_max_listeners = 10
    show('restored', EventEmitter.defaultMaxListeners, e.getMaxListeners())
for w in caught:
    show(w.category.__name__, w.message.count, w.message.type)
