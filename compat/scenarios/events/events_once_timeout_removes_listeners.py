from compat.trace import show
from gnet import EventEmitter, once

e = EventEmitter()
e.on('removeListener', lambda name: show('removes', name))
try:
    once(e, 'never', timeout=5)
    show('resolved')
except TimeoutError:
    show('timed out', e.listenerCount('never'), e.listenerCount('error'))
show('emit after', e.emit('never'))
