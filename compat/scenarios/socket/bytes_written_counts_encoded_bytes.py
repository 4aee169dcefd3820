import gnet
from compat.trace import show


def on_connection(s):
    s.resume()
    s.on('end', lambda: show('server bytesRead', s.bytesRead))
    s.on('close', lambda: server.close(lambda: show('server closed')))


server = gnet.createServer(on_connection)


def listening():
    def on_connect():
        c.write('h\u00e9llo \u20ac')
        show('after utf8', c.bytesWritten)
        c.write('ffff00', 'hex')
        show('after hex', c.bytesWritten)
        c.write('aGk=', 'base64')
        show('after base64', c.bytesWritten)
        c.write('\u00ff\u00fe', 'latin1')
        show('after latin1', c.bytesWritten)
        c.end('ab', 'utf16le')
        show('after utf16le', c.bytesWritten)

    c = gnet.connect(server.address()['port'], '127.0.0.1', on_connect)


server.listen(0, '127.0.0.1', listening)
gnet.run()
