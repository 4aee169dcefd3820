import gnet
from compat.trace import show

server = gnet.createServer()


def on_listening():
    show('listening', server.address()['family'])
    server.close(lambda *_: show('closed'))


server.on('listening', on_listening)
server.listen({'port': None})
a = server.address()
show('sync', server.listening, type(a['port']) is int, a['port'] > 0)
gnet.run()
