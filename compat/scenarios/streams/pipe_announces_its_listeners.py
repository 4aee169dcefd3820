import gnet
from compat.trace import show

EVENTS = ['end', 'unpipe', 'data', 'error', 'close', 'finish']
PIPE = ['onend', 'onunpipe', 'ondata', 'onerror', 'onclose', 'onfinish', 'bound onceWrapper']
connections = []


def names(fns):
    return [f.__name__ for f in fns if f.__name__ == 'own' or f.__name__ in PIPE]


def own(*args):
    pass


def tell(what):
    def listener(ev, fn):
        if fn.__name__ in PIPE:
            show(what, ev, fn.__name__)
    return listener


def on_connection(c):
    connections.append(c)
    first = len(connections) == 1
    for ev in EVENTS:
        c.on(ev, own)
    if first:
        c.on('newListener', tell('newListener'))
        c.on('removeListener', tell('removeListener'))
    c.on('pipe', lambda src: show('pipe', src is c, c.listenerCount('finish')))
    c.on('unpipe', lambda src: show('unpipe', src is c, c.listenerCount('unpipe')))
    show('pipe returns c', c.pipe(c) is c, c.readableFlowing)
    for ev in EVENTS:
        show('raw', ev, names(c.rawListeners(ev)))
    for ev in EVENTS:
        show('listeners', ev, names(c.listeners(ev)))
    if not first:
        c.on('removeListener', tell('removeListener'))

    def on_close():
        for ev in EVENTS:
            show('left', ev, names(c.rawListeners(ev)))
        if first:
            echo()
        else:
            server.close()

    c.on('close', on_close)


def echo():
    client = gnet.connect(server.address()['port'], '127.0.0.1', lambda: client.end('echo me'))
    client.resume()


server = gnet.createServer(on_connection)
server.listen(0, '127.0.0.1', echo)
gnet.run()
