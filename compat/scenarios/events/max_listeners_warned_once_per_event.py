import warnings

from compat.trace import show
from gnet import EventEmitter

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')

    def step(name):
        show(name, len(caught))
        del caught[:]

    e = EventEmitter()
    e.setMaxListeners(2)
    fs = [(lambda: None) for _ in range(4)]
    e.on('a', fs[0]); e.on('a', fs[1]); e.on('a', fs[2])
    step('three a')
    e.on('a', fs[3])
    e.on('b', fs[0]); e.on('b', fs[1]); e.on('b', fs[2])
    step('four a, three b')
    e.off('a', fs[3]); e.off('a', fs[2]); e.on('a', fs[2])
    step('down to two a, then three')
    e.off('a', fs[2]); e.off('a', fs[1]); e.on('a', fs[1]); e.on('a', fs[2])
    step('down to one a, then three')
    e.removeAllListeners('a'); e.on('a', fs[0]); e.on('a', fs[1]); e.on('a', fs[2])
    step('after removeAllListeners(a)')
    e.setMaxListeners(0)
    for i in range(20):
        e.on('c', lambda: None)
    e.setMaxListeners(float('inf'))
    for i in range(20):
        e.on('d', lambda: None)
    step('unlimited')
