import os
import shutil
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'server.sock')


def on_connection(c):
    show('connection')
    c.end('hi')


server = gnet.createServer(on_connection)


def on_closed(*_):
    show('closed')
    shutil.rmtree(tmp, ignore_errors=True)


def on_listen():
    show('callback', server.address() == sock_path)
    c = gnet.connect(sock_path)
    c.on('data', lambda d: show('client data', d))
    c.on('close', lambda *_: server.close(on_closed))


server.listen(sock_path, 5, on_listen)
show('after listen')
gnet.run()
