import gnet
from compat.trace import show

ac = gnet.AbortController()
server = gnet.createServer()
server.on('close', lambda: show('close', server.listening))


def on_listening():
    show('listening', server.listening)
    ac.abort()
    show('after abort', server.listening)


server.listen({'port': 0, 'signal': ac.signal}, on_listening)
gnet.run()
