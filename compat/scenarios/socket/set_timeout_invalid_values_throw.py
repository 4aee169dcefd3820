import gnet
from compat.trace import show

c = gnet.Socket()
for label, args in [
    ('negative', [-1]),
    ('string', ['100']),
    ('NaN', [float('nan')]),
    ('callback not a function', [10, 'nope']),
]:
    try:
        c.setTimeout(*args)
        show(label, 'accepted', c.timeout)
    except Exception as err:
        show(label, err, str(err))
show('timeout after failures', c.timeout)
c.destroy()
gnet.run()
