import os
import shutil
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'server.sock')
first = gnet.createServer()


def on_first_listen():
    second = gnet.createServer()

    def on_closed(*_):
        show('first closed')
        shutil.rmtree(tmp, ignore_errors=True)

    def on_error(err):
        show('error', err, getattr(err, 'address', None) == sock_path, getattr(err, 'port', None))
        show('message', str(err).replace(sock_path, 'PATH'))
        first.close(on_closed)

    second.on('error', on_error)
    second.listen(sock_path)


first.listen(sock_path, on_first_listen)
gnet.run()
