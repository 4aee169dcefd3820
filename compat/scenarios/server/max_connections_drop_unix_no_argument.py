import os
import shutil
import tempfile

import gnet
from compat.trace import show

# A pipe handle has no addresses: Node emits 'drop' with no argument.
tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'drop.sock')
held = []


def on_connection(c):
    show('connection')
    held.append(c)
    c.write('hi')


server = gnet.createServer(on_connection)
server.maxConnections = 1


def on_closed():
    show('closed')
    shutil.rmtree(tmp, ignore_errors=True)


def on_drop(*args):
    show('drop args', len(args))
    held[0].end()
    server.close(on_closed)


server.on('drop', on_drop)


def on_listening():
    first = gnet.connect(sock_path)

    def on_first_data(_):
        second = gnet.connect(sock_path)
        second.on('error', lambda err: None)
        second.resume()

    first.once('data', on_first_data)
    first.resume()


server.listen(sock_path, on_listening)
gnet.run()
