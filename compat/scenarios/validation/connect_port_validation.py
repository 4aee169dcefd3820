import math

import gnet
from compat.trace import show


def kind(err):
    if isinstance(err, ValueError):
        return 'RangeError'
    if isinstance(err, TypeError):
        return 'TypeError'
    return 'Error'


def attempt(label, fn):
    try:
        sock = fn()
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))
        return
    show(label, 'ok')
    sock.destroy()


ports = [-1, 65536, 1.5, float('nan'), True, False, '', ' ', '0x', 'abc', {}, [], '-1', '65536', '1.5',
         math.inf, -math.inf, 2 ** 53, '0x1f90', '8080', ' 8080 ', '1e3', 0, '0']


for i, port in enumerate(ports):
    attempt('options %d' % i, lambda: gnet.connect({'port': port, 'host': '127.0.0.1'}))
for i, port in enumerate(ports):
    if i in (8, 9, 11):
        continue  # '0x' and 'abc' are paths here; an array is an options object
    attempt('createConnection %d' % i, lambda: gnet.createConnection(port, '127.0.0.1'))
attempt('no args', lambda: gnet.connect())
attempt('empty options', lambda: gnet.connect({}))
attempt('host only', lambda: gnet.connect({'host': '127.0.0.1'}))
attempt('port undefined', lambda: gnet.connect({'port': None, 'host': '127.0.0.1'}))
attempt('positional undefined', lambda: gnet.connect(None, '127.0.0.1'))
gnet.run()
