import gnet
from compat.trace import show

# 'two' is set before 'string three', as in the .js.

gnet.setTimeout(lambda: show('zero'), 0)
gnet.setTimeout(lambda: show('negative'), -5)
gnet.setTimeout(lambda: show('nan'), 'soon')
gnet.setTimeout(lambda: show('undefined'))
gnet.setTimeout(lambda: show('one'), 1)
gnet.setTimeout(lambda: show('two'), 2)
gnet.setTimeout(lambda: show('string three'), '3')
gnet.run()
