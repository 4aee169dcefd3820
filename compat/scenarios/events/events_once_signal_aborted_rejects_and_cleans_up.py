import gnet
from compat.trace import show
from gnet import AbortError, EventEmitter, once

e = EventEmitter()
e.on('removeListener', lambda name: show('removes', name))
try:
    once(e, 'never', signal=gnet.AbortSignal.abort('early'))
except AbortError as err:
    show('aborted before', err, err.name, err.message, err.cause, e.listenerCount('never'))
ac = gnet.AbortController()
gnet.setTimeout(lambda: ac.abort('late'), 5)
try:
    once(e, 'never', signal=ac.signal)
except AbortError as err:
    show('aborted while waiting', err, err.cause, e.listenerCount('never'), e.listenerCount('error'))
ok = gnet.AbortController()
gnet.setTimeout(lambda: e.emit('ready', 1), 5)
show('resolved', once(e, 'ready', signal=ok.signal))
ok.abort()
show('abort after resolve', e.listenerCount('ready'))
