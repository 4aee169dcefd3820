import os
import shutil
import tempfile

import gnet
from compat.trace import show

# The directory does not exist: bind() fails with ENOENT, which libuv's
# uv_pipe_bind reports as EACCES.
tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'missing', 'server.sock')
server = gnet.createServer()


def on_error(err):
    show('error', err, err.errno, err.address == sock_path, err.port)
    show('message', str(err).replace(sock_path, 'PATH'))
    show('listening', server.listening, server.address() == sock_path)
    shutil.rmtree(tmp, ignore_errors=True)


server.on('error', on_error)
server.listen(sock_path, lambda: show('listening'))
show('listen returned', server.listening)
gnet.run()
