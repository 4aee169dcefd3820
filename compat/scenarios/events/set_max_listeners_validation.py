from compat.trace import show
from gnet import NodeError
from gnet import EventEmitter

e = EventEmitter()
show('default', e.getMaxListeners())
for n in [-1, float('nan'), 'x', True, None, 0, 1.5, float('inf'), 3]:
    try:
        show('set', n, e.setMaxListeners(n) is e, e.getMaxListeners())
    except NodeError as err:
        show('error', err, err.message, e.getMaxListeners())
