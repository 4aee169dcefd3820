from compat.trace import show
from gnet import NodeError
from gnet import EventEmitter

e = EventEmitter()
calls = {
    'on': lambda l: e.on('x', l),
    'once': lambda l: e.once('x', l),
    'prependListener': lambda l: e.prependListener('x', l),
    'prependOnceListener': lambda l: e.prependOnceListener('x', l),
    'removeListener': lambda l: e.removeListener('x', l),
}
for name, call in calls.items():
    for value in [None, 5, 'f']:
        try:
            call(value)
            show(name, 'accepted')
        except NodeError as err:
            show(name, err, err.message)
show('count', e.listenerCount('x'))
