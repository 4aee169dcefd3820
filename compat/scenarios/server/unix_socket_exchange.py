import os
import shutil
import tempfile

import gnet
from compat.trace import show

tmp = tempfile.mkdtemp(prefix='gnet-')
sock_path = os.path.join(tmp, 'echo.sock')


def on_connection(c):
    def on_data(d):
        show('server data', d)
        c.write('pong:')
        c.write(d)

    def on_end():
        show('server end')
        c.end()

    c.on('data', on_data)
    c.on('end', on_end)


server = gnet.createServer(on_connection)


def on_closed(*_):
    show('closed')
    shutil.rmtree(tmp, ignore_errors=True)


def on_listen():
    client = gnet.connect(sock_path, lambda: client.write('ping'))
    got = []

    def on_data(d):
        got.append(d)
        if len(b''.join(got)) == 9:
            show('client data', b''.join(got).decode())
            client.end()

    client.on('data', on_data)
    client.on('end', lambda: show('client end'))
    client.on('close', lambda *_: server.close(on_closed))


server.listen(sock_path, on_listen)
gnet.run()
