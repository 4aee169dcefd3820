import gnet
from compat.trace import show

gnet.setTimeout(lambda: show('timeout', 'early'), 2)
for name in ['a', 'b', 'c', 'd']:
    gnet.setTimeout(lambda name=name: show('timeout', name), 5)
gnet.setTimeout(lambda: show('timeout', 'late'), 30)
gnet.run()
