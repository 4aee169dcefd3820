import gnet
from compat.trace import show

server = gnet.createServer()
events = 0


def on_listening():
    global events
    events += 1
    show('listening event', server.address()['family'])


server.on('listening', on_listening)
server.listen(0, '127.0.0.1', lambda: show('first callback'))
try:
    server.listen(0, '::1', lambda: show('second callback'))
    show('second listen() did not throw')
except Exception as err:
    show('threw', err)


def later():
    show('listening events', events, server.address()['family'])
    server.close(lambda *_: show('closed'))


gnet.setTimeout(later, 50)
gnet.run()
