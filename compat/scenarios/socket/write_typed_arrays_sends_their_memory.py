import array

import gnet
from compat.trace import show


def on_connection(s):
    got = []
    s.on('data', got.append)
    s.on('end', lambda: show('server got', b''.join(got)))
    s.on('close', lambda: server.close(lambda: show('server closed')))


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        c.cork()
        c.write(array.array('H', [1, 0x0203]))
        show('after Uint16Array', c.writableLength)
        c.write(array.array('d', [1.5]), 'hex')
        show('after Float64Array', c.writableLength)
        c.uncork()
        c.end(array.array('b', [-1, 2]), lambda: show('finished', c.bytesWritten))

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)


server.listen(0, '127.0.0.1', listening)
gnet.run()
