import gnet
from compat.trace import show

def wrap_and_emit(event, arg):
    old = gnet.EventEmitter()
    sock = gnet.Socket()
    sock.wrap(old)
    sock.on('data', lambda data: None)
    sock.on('error', lambda err: show(event, 'error', err, str(err)))
    sock.on('close', lambda: show(event, 'close', sock.destroyed))
    if arg is None:
        old.emit(event)
    else:
        old.emit(event, arg)
    show(event, 'destroyed', sock.destroyed)


for event, arg in [('error', ValueError('old failed')), ('close', None), ('destroy', None), ('data', 42)]:
    wrap_and_emit(event, arg)
gnet.run()
