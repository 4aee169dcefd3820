import gevent

import gnet
from compat.trace import show

old = gnet.EventEmitter()
sock = gnet.Socket().wrap(old)
closed = [False]
sock.on('close', lambda: closed.__setitem__(0, sock.destroyed))


def feed():
    old.emit('data', b'ab')
    old.emit('data', b'cd')
    gnet.setImmediate(lambda: old.emit('end'))


gnet.setImmediate(feed)
reader = gevent.spawn(sock.toArray)
gnet.run()
show('toArray', reader.get(), 'closed destroyed', closed[0])
