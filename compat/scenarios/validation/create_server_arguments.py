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
        server = make()
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))
        return
    show(label, 'ok', server.listening, server.listenerCount('connection'))


def listener(conn):
    pass


attempt('string options', lambda: gnet.createServer('x'))
attempt('number options', lambda: gnet.createServer(5))
attempt('true options', lambda: gnet.createServer(True))
attempt('string options with listener', lambda: gnet.createServer('x', listener))
attempt('undefined options', lambda: gnet.createServer(None))
attempt('no arguments', lambda: gnet.createServer())
attempt('listener only', lambda: gnet.createServer(listener))
attempt('empty options and listener', lambda: gnet.createServer({}, listener))
attempt('listener not a function', lambda: gnet.createServer({}, 'x'))
attempt('listener number', lambda: gnet.createServer({}, 5))
attempt('highWaterMark string', lambda: gnet.createServer({'highWaterMark': 'x'}))
attempt('highWaterMark true', lambda: gnet.createServer({'highWaterMark': True}))
attempt('keepAliveInitialDelay string', lambda: gnet.createServer({'keepAliveInitialDelay': 'x'}))
attempt('keepAliveInitialDelay -1', lambda: gnet.createServer({'keepAliveInitialDelay': -1}))
attempt('noDelay string', lambda: gnet.createServer({'noDelay': 'x'}))
attempt('pauseOnConnect string', lambda: gnet.createServer({'pauseOnConnect': 'x'}))
attempt('allowHalfOpen number', lambda: gnet.createServer({'allowHalfOpen': 1}))
attempt('keepAlive string', lambda: gnet.createServer({'keepAlive': 'x'}))
attempt('Server string options', lambda: gnet.Server('x'))
attempt('Server number options', lambda: gnet.Server(5))
attempt('Server listener only', lambda: gnet.Server(listener))
attempt('Server options and listener', lambda: gnet.Server({'allowHalfOpen': True}, listener))
gnet.run()
