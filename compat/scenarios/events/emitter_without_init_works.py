from compat.trace import show
from gnet import EventEmitter


class Bare(EventEmitter):
    def __init__(self):
        pass  # never calls EventEmitter.__init__


e = Bare()
show('names', e.eventNames(), e.listenerCount('x'), e.listeners('x'))
show('emit before', e.emit('x', 1))
show('removeAll', e.removeAllListeners() is e, e.off('x', lambda: None) is e)
try:
    e.emit('error', Exception('bare'))
except Exception as err:
    show('thrown', str(err))
show('on', e.on('x', lambda v: show('got', v)) is e)
show('emit after', e.emit('x', 2))
show('max', e.getMaxListeners())
