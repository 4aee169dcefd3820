import gnet
from compat.trace import show


def watch(name, socket):
    socket.on('lookup', lambda err, address, family: show(name, 'lookup', err, address, family))
    socket.on('error', lambda err: show(name, 'error', err, err.message, getattr(err, 'host', None),
                                        getattr(err, 'port', None)))
    return socket


# One address (a family given), then the autoSelectFamily path (all: true).
watch('one', gnet.Socket()).connect({
    'port': 81, 'host': 'foo.test', 'family': 4,
    'lookup': lambda host, opts, cb: cb(None, '127.0.0.1', 5),
})
watch('all', gnet.Socket()).connect({
    'port': 82, 'host': 'bar.test', 'autoSelectFamily': True,
    'lookup': lambda host, opts, cb: cb(None, [{'address': '127.0.0.1', 'family': 5}]),
})
gnet.run()
