import gevent

import gnet
from compat.trace import show

# readable.iterator({destroyOnReturn: false}) leaves the socket open after a
# break; a plain for-loop then reads the rest and destroys it at the end.
s = gnet.Socket()
for v in (5, 'x', {'destroyOnReturn': 'no'}, {'destroyOnReturn': False}):
    try:
        s.iterator(v)
        show('iterator accepts', v)
    except TypeError as e:
        show('iterator', e.code, str(e))


def on_connection(c):
    c.write('a')
    gnet.setTimeout(lambda: c.write('b'), 20)
    gnet.setTimeout(lambda: c.end('c'), 40)


server = gnet.createServer(on_connection)


def read():
    c = gnet.connect(server.address()['port'], '127.0.0.1')
    for chunk in c.iterator({'destroyOnReturn': False}):
        show('chunk', chunk.decode())
        break
    show('after break destroyed', c.destroyed)
    for chunk in c:
        show('chunk', chunk.decode())
    show('at the end destroyed', c.destroyed)
    server.close()


server.listen(0, '127.0.0.1', lambda: gevent.spawn(read))
gnet.run()
