import gnet
from compat.trace import show

ac = gnet.AbortController()
ac.abort('R')
sock = gnet.Socket({'signal': ac.signal})
sock.on('error', lambda err: show('error', err, err.name, err.message, err.cause))
sock.on('close', lambda *args: show('close', 0 if args in ((), (None,)) else len(args)))
gnet.nextTick(lambda: show('tick after constructor'))

pre = gnet.AbortSignal.abort()
client = gnet.connect({'port': 1, 'host': '127.0.0.1', 'signal': pre})
client.on('error', lambda err: show('client error', err, err.cause.name, client.connecting))
client.on('close', lambda *args: show(
    'client close', 0 if args in ((), (None,)) else len(args), args[0] if args else None))
client.on('connect', lambda: show('client connect'))
gnet.run()
