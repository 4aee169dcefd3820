import os
import shutil
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
path = os.path.join(tmp, 'plain-file')
open(path, 'w').close()
fd = os.open(path, os.O_RDONLY)
server = gnet.createServer()
server.on('listening', lambda: show('listening'))


def on_error(err):
    show('error', err, str(err))
    show('listening', server.listening, server.address())
    os.close(fd)
    shutil.rmtree(tmp, ignore_errors=True)


server.on('error', on_error)
server.listen({'fd': fd})
show('sync', server.listening)
gnet.run()
show('exit')
