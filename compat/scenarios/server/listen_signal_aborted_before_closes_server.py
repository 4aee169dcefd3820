import gnet
from compat.trace import show


def start(host):
    server = gnet.createServer()
    server.on('listening', lambda: show(host, 'listening'))
    server.on('close', lambda: show(host, 'close', server.listening))
    server.on('error', lambda err: show(host, 'error', err))
    options = {'port': 0, 'signal': gnet.AbortSignal.abort()}
    if host is not None:
        options['host'] = host
    server.listen(options, lambda: show(host, 'callback'))
    show(host, 'sync', server.listening)
    gnet.nextTick(lambda: show(host, 'tick', server.listening))


for host in [None, '127.0.0.1']:
    start(host)
gnet.run()
