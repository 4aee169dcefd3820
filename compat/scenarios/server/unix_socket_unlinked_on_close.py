import os
import shutil
import stat
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'server.sock')
server = gnet.createServer()
show('exists before listen', os.path.exists(sock_path))


def on_closed(*_):
    show('exists after close', os.path.exists(sock_path))
    shutil.rmtree(tmp, ignore_errors=True)


def on_listen():
    show('exists while listening', os.path.exists(sock_path), stat.S_ISSOCK(os.stat(sock_path).st_mode))
    server.close(on_closed)


server.listen(sock_path, on_listen)
gnet.run()
