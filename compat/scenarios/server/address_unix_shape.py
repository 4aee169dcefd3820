import os
import shutil
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'server.sock')
server = gnet.createServer()
server.listen(sock_path)
a = server.address()
show('right after listen()', 'string' if isinstance(a, str) else type(a).__name__, a == sock_path)


def on_closed(*_):
    show('after close', server.address() == sock_path)
    shutil.rmtree(tmp, ignore_errors=True)


def on_listening():
    b = server.address()
    show('listening', 'string' if isinstance(b, str) else type(b).__name__, b == sock_path)
    server.close(on_closed)


server.on('listening', on_listening)
gnet.run()
