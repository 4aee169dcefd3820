import gnet
from compat.trace import show

server = gnet.createServer()


def on_listening():
    a = server.address()
    show('listening', a['address'], a['family'], type(a['port']) is int, a['port'] > 0)
    server.close(lambda *_: show('closed'))


server.on('listening', on_listening)
show('returns server', server.listen() is server)
show('sync', server.listening)
gnet.run()
