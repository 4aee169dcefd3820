from compat.trace import show
from gnet import EventEmitter, errorMonitor

e = EventEmitter()
e.on(errorMonitor, lambda err: show('monitor', str(err)))
try:
    e.emit('error', Exception('unhandled'))
except Exception as err:
    show('thrown', str(err))
e.on('error', lambda err: show('handler', str(err)))
show('emit', e.emit('error', Exception('handled')))
show('emit monitor itself', e.emit(errorMonitor, Exception('direct')))
late = EventEmitter()
late.on(errorMonitor, lambda: late.on('error', lambda err: show('late handler', str(err))))
show('late', late.emit('error', Exception('caught late')))
