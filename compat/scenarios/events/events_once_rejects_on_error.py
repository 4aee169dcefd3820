import gevent

from compat.trace import show
from gnet import EventEmitter, once

e = EventEmitter()
boom = Exception('boom')
gevent.spawn(lambda: show('emit error', e.emit('error', boom)))
try:
    once(e, 'x')
    show('resolved')
except Exception as err:
    show('rejected', err is boom, str(err), e.listenerCount('x'), e.listenerCount('error'))
gevent.spawn(lambda: show('emit error', e.emit('error', boom)))
[err] = once(e, 'error')
show('once error resolves', err is boom, e.listenerCount('error'))
