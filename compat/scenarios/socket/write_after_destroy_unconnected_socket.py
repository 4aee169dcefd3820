import gnet
from compat.trace import show

c = gnet.Socket()
c.on('error', lambda err: show('error (unexpected)', err))
c.on('close', lambda hadError: show('close', hadError))
c.destroy()
show('write returned', c.write('x', lambda err: show('write callback 1', err)))
show('write returned', c.write(b'y', lambda err: show('write callback 2', err)))
show('write without callback returned', c.write('z'))
gnet.run()
