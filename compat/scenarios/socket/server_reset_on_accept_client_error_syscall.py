import gnet
from compat.trace import show

# A server that resets a connection in its 'connection' listener does so in
# the loop turn where the client's connect completes, before the client sees
# it: 'error' ECONNRESET from connect, no 'connect'. Reset from an immediate,
# it comes after the client's 'connect': ECONNRESET from read.
resets = {
    'listener': lambda c: c.resetAndDestroy(),
    'immediate': lambda c: gnet.setImmediate(c.resetAndDestroy),
}
names = list(resets)
current = [None]
server = gnet.createServer(lambda c: resets[current[0]](c))


def next_case(index):
    if index == len(names):
        server.close()
        return
    name = current[0] = names[index]
    client = gnet.connect(server.address()['port'], '127.0.0.1')
    client.on('connect', lambda: show(name, 'connect'))
    client.on('error', lambda err: show(name, 'error', err))

    def on_close(had_error):
        show(name, 'close', had_error)
        next_case(index + 1)
    client.on('close', on_close)


server.listen(0, '127.0.0.1', lambda: next_case(0))
gnet.run()
