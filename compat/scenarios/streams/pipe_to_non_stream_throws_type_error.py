import gnet
from compat.trace import show

s = gnet.Socket()
for dest in [123, 'x', {}, None]:
    before = s.listenerCount('end')
    try:
        s.pipe(dest)
        show('piped')
    except Exception as err:
        show('threw', err, isinstance(err, TypeError), str(err), s.listenerCount('end') - before)
try:
    s.pipe()
except Exception as err:
    show('no argument', err, str(err))
s.destroy()
