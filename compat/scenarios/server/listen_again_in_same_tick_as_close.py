import gnet
from compat.trace import show

server = gnet.createServer()
server.on('close', lambda: show('close event', server.listening))
server.on('listening', lambda: show('listening event', server.listening))


def undef(err):
    return 'undefined' if err is None else err


def on_close(err):
    show('close callback', undef(err), server.listening)
    server.close(lambda err2: show('second close callback', undef(err2), server.listening))


def on_listening():
    server.close(on_close)
    show('closed', server.listening)
    server.listen(0)
    show('listen again', server.listening)


server.listen(0, on_listening)
gnet.run()
