import os
import shutil
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'nobody-listens.sock')
client = gnet.connect(sock_path, lambda: show('connected'))


def on_error(err):
    show('error', err, getattr(err, 'address', None) == sock_path, getattr(err, 'port', None))
    show('message', str(err).replace(sock_path, 'PATH'))


def on_close(had_error):
    show('close', had_error)
    shutil.rmtree(tmp, ignore_errors=True)


client.on('error', on_error)
client.on('close', on_close)
gnet.run()
