import gnet
from compat.trace import show


def kind(err):
    return 'RangeError' if isinstance(err, ValueError) else 'TypeError' if isinstance(err, TypeError) else 'Error'


def attempt(label, fn):
    try:
        result = fn()
        show(label, 'ok', result)
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))


attempt('setTimeout()', lambda: gnet.setTimeout())
attempt('setInterval()', lambda: gnet.setInterval())
attempt('setImmediate()', lambda: gnet.setImmediate())
attempt('nextTick()', lambda: gnet.nextTick())
attempt('clearTimeout()', lambda: gnet.clearTimeout())
attempt('clearInterval()', lambda: gnet.clearInterval())
attempt('clearImmediate()', lambda: gnet.clearImmediate())
attempt('setUncaughtExceptionCaptureCallback()', lambda: gnet.process.setUncaughtExceptionCaptureCallback())
server = gnet.createServer()
attempt('getConnections()', lambda: server.getConnections())


def on_connections(err, count):
    show('getConnections(cb)', err, count)
    try:
        gnet.once()
    except TypeError as err:
        show('once()', getattr(err, 'code', None), str(err), kind(err))


server.getConnections(on_connections)
gnet.run()
# gnet's once() blocks the calling greenlet: here, the main one.
emitter = gnet.EventEmitter()
gnet.setImmediate(emitter.emit, None, 1)
show('once(emitter)', gnet.once(emitter))
