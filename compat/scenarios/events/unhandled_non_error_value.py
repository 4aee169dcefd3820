from compat.trace import show
from gnet import NodeError
from gnet import EventEmitter

e = EventEmitter()
for value in ['boom', 42, {'reason': 'x'}]:
    try:
        e.emit('error', value)
    except NodeError as err:
        show(err, err.message, err.context)
