import gnet
from compat.trace import show

old = gnet.EventEmitter()
old.pause = lambda: show('old.pause')
old.resume = lambda: show('old.resume')
old.describe = lambda: 'old stream'
sock = gnet.Socket(readableHighWaterMark=4)
sock.wrap(old)
show('copied', 'function' if callable(getattr(sock, 'describe', None)) else 'undefined', sock.describe(),
     'function' if callable(getattr(sock, 'emitWarning', None)) else 'undefined')
old.emit('data', b'abcdef')
show('length', sock.readableLength)
old.emit('data', 'str')
show('length', sock.readableLength)


def later():
    show('read(2)', sock.read(2))
    show('read()', sock.read())
    sock.on('end', lambda: show('end', sock.readableLength))
    old.emit('end')
    sock.resume()


gnet.setImmediate(later)
gnet.run()
