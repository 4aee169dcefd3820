import gnet
from compat.trace import show


def js_type(v):
    return {bool: 'boolean', str: 'string', int: 'number', float: 'number'}.get(type(v), 'object')


for v in ['yes', 0, 1, 2.5, '', None, None, {}, [], 'false']:
    opts = {'allowHalfOpen': v, 'pauseOnConnect': v, 'noDelay': v, 'keepAlive': v}
    server = gnet.createServer(opts)
    socket = gnet.Socket(opts)
    show(v, server.allowHalfOpen, js_type(server.allowHalfOpen), server.pauseOnConnect,
         server.noDelay, server.keepAlive, socket.allowHalfOpen)
for v in [1500, 999, 0, -5, float('nan')]:
    show('keepAliveInitialDelay', v, gnet.createServer({'keepAliveInitialDelay': v}).keepAliveInitialDelay)
for v in [1500, 1.5, 0, -1, None]:
    show('highWaterMark', v, gnet.createServer({'highWaterMark': v}).highWaterMark)
