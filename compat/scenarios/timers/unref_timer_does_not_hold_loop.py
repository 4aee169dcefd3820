import gnet
from compat.trace import show

long = gnet.setTimeout(lambda: show('long fired'), 10000)
show('hasRef', long.hasRef())
show('unref returns handle', long.unref() is long)
show('hasRef', long.has_ref())
brief = gnet.setTimeout(lambda: show('brief fired'), 5).unref()
brief.ref()
ran = []
imm = gnet.setImmediate(ran.append, True).unref()
show('immediate hasRef', imm.hasRef())
gnet.run()
show('exit, immediate ran', bool(ran))
