import gnet
from compat.trace import show

server = gnet.createServer()
events = 0


def on_listening():
    global events
    events += 1


server.on('listening', on_listening)
server.listen(0)
try:
    server.listen(0)
    show('no throw')
except Exception as err:
    show('threw', err, isinstance(err, Exception))
    show('message', str(err))


def later():
    show('listening events', events, server.listening)
    server.close(lambda *_: show('closed'))


gnet.setTimeout(later, 20)
gnet.run()
