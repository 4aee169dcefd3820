import os
import shutil
import tempfile

import gnet
from compat.trace import show

# Node opens a pipe or FIFO descriptor as a Pipe handle: reads and writes go
# through read() and write(), and it has no addresses. The write end is a
# socket first; once it has closed, the read end becomes one and reads what
# was written, then EOF.
tmp = tempfile.mkdtemp(prefix='gnet-')
fifo = os.path.join(tmp, 'fifo')
os.mkfifo(fifo)
rfd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
wfd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)


def shower(*prefix):
    return lambda *a: show(*(prefix + a))


def trace(name, s):
    for ev in ('connect', 'ready', 'end', 'finish', 'close'):
        s.on(ev, shower(name, ev))
    s.on('error', shower(name, 'error'))


w = gnet.Socket({'fd': wfd, 'readable': False, 'writable': True})
show('w state', w.readyState, w.pending, w.connecting, w.readable, w.writable)
show('w addresses', w.remoteAddress, w.localAddress, w.address())
trace('w', w)
w.write('hello', lambda *_: show('w write cb'))
w.end(' world')


def on_w_close():
    r = gnet.Socket({'fd': rfd, 'readable': True, 'writable': False})
    show('r state', r.readyState, r.pending, r.connecting, r.readable, r.writable)
    trace('r', r)
    r.on('data', shower('r data'))
    r.on('close', lambda: shutil.rmtree(tmp, ignore_errors=True))


w.on('close', on_w_close)
gnet.run()
