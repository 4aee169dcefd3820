import gnet
from compat.trace import show

# A lookup that answers from a nextTick, an immediate or a timer it queued:
# the answer comes, in its place among the callbacks around it. One case at
# a time, each after the previous one's 'close'.
server = gnet.createServer(lambda c: c.end())
later = {
    'tick': lambda fn: gnet.nextTick(fn),
    'immediate': lambda fn: gnet.setImmediate(fn),
    'timer': lambda fn: gnet.setTimeout(fn, 1),
}
names = list(later)


def start(port, index):
    name = names[index]
    socket = gnet.Socket()

    def on_connect():
        show(name, 'connect')
        socket.end()

    def on_close(*_):
        show(name, 'close')
        if index + 1 < len(names):
            start(port, index + 1)
        else:
            server.close()

    def lookup(host, opts, cb):
        def answer():
            show(name, 'answering')
            cb(None, [{'address': '127.0.0.1', 'family': 4}])
        later[name](answer)

    socket.on('lookup', lambda err, address, family: show(name, 'lookup', err, address, family))
    socket.on('connect', on_connect)
    socket.on('close', on_close)
    socket.connect({'port': port, 'host': name + '.test', 'lookup': lookup})
    gnet.nextTick(lambda: show(name, 'tick after connect'))
    show(name, 'connect returned')


server.listen(0, '127.0.0.1', lambda: start(server.address()['port'], 0))
gnet.run()
