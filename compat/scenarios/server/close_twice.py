import gnet
from compat.trace import show


def on_connection(c):
    show('connection')
    server.close(lambda err: show('first close callback', err))
    server.close(lambda err: show('second close callback', err, err and str(err)))
    show('both close() calls returned')
    c.end()


server = gnet.createServer(on_connection)
server.on('close', lambda: show('close event'))
server.listen(0, '127.0.0.1', lambda: gnet.connect(server.address()['port'], '127.0.0.1').resume())
gnet.run()
show('exit')
