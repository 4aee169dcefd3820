import gnet
from compat.trace import show

server = gnet.createServer()
closes = 0


def on_close_event():
    global closes
    closes += 1
    show('close event', closes)


server.on('close', on_close_event)


def on_first(err):
    show('first close callback', err)
    server.close(lambda err2: show('second close callback', err2))


server.listen(0, '127.0.0.1', lambda: server.close(on_first))
gnet.run()
show('exit', closes)
