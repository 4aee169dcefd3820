import gnet
from compat.trace import show


def kind(err):
    if isinstance(err, ValueError):
        return 'RangeError'
    if isinstance(err, TypeError):
        return 'TypeError'
    return 'Error'


def attempt(label, make):
    try:
        sock = make()
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))
        return
    show(label, 'ok', sock.readyState, sock.destroyed)
    sock.destroy()


def cb(nread, buf):
    pass


attempt('no options', lambda: gnet.Socket())
attempt('undefined', lambda: gnet.Socket(None))
attempt('empty object', lambda: gnet.Socket({}))
attempt('string', lambda: gnet.Socket('x'))
attempt('true', lambda: gnet.Socket(True))
attempt('number -1 is an fd', lambda: gnet.Socket(-1))
attempt('fd -1', lambda: gnet.Socket({'fd': -1}))
attempt('fd string', lambda: gnet.Socket({'fd': 'x'}))
attempt('fd 1.5', lambda: gnet.Socket({'fd': 1.5}))
attempt('fd 2**31', lambda: gnet.Socket({'fd': 2 ** 31}))
attempt('fd NaN', lambda: gnet.Socket({'fd': float('nan')}))
attempt('fd true', lambda: gnet.Socket({'fd': True}))
attempt('fd undefined', lambda: gnet.Socket({'fd': None}))
attempt('allowHalfOpen string', lambda: gnet.Socket({'allowHalfOpen': 'x'}))
attempt('readable number', lambda: gnet.Socket({'readable': 1, 'writable': 0}))
attempt('onread string', lambda: gnet.Socket({'onread': 'x'}))
attempt('onread number buffer', lambda: gnet.Socket({'onread': {'buffer': 5, 'callback': cb}}))
attempt('onread no callback', lambda: gnet.Socket({'onread': {'buffer': bytearray(8)}}))
attempt('onread good', lambda: gnet.Socket({'onread': {'buffer': bytearray(8), 'callback': cb}}))
attempt('noDelay string', lambda: gnet.Socket({'noDelay': 'x'}))
attempt('keepAlive string', lambda: gnet.Socket({'keepAlive': 'x'}))
attempt('keepAliveInitialDelay string', lambda: gnet.Socket({'keepAliveInitialDelay': 'x'}))
attempt('keepAliveInitialDelay true', lambda: gnet.Socket({'keepAliveInitialDelay': True}))
attempt('keepAliveInitialDelay -1', lambda: gnet.Socket({'keepAliveInitialDelay': -1}))
attempt('keepAliveInitialDelay NaN', lambda: gnet.Socket({'keepAliveInitialDelay': float('nan')}))
attempt('timeout string is ignored', lambda: gnet.Socket({'timeout': 'x'}))
attempt('Stream alias', lambda: gnet.Stream({'allowHalfOpen': True}))
gnet.run()
