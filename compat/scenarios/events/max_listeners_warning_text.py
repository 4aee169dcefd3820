import warnings

from compat.trace import show
from gnet import EventEmitter


class Foo(EventEmitter):
    pass


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    e = EventEmitter()
    for i in range(11):
        e.on('foo', lambda: None)
    f = Foo()
    f.setMaxListeners(1.5)
    f.on('bar', lambda: None)
    f.on('bar', lambda: None)
show('default', EventEmitter.defaultMaxListeners)
for w in caught:
    show(w.category.__name__, str(w.message), w.message.count, w.message.type)
