import gnet
from compat.trace import show

# 'close' and the (still emitted) 'lookup' race each other, so both are
# recorded and printed in a fixed order once both happened.
seen = {}


def both():
    if 'lookup' not in seen or 'close' not in seen:
        return
    show('lookup', *seen['lookup'])
    show('close', seen['close'])
    gnet.setTimeout(lambda: server.close(lambda: show('server closed')), 20)


server = gnet.createServer(lambda s: s.on('error', lambda err: None))


def listening():
    c = gnet.connect({'port': server.address()['port'], 'host': 'localhost', 'family': 4})

    def on_lookup(err, address):
        seen['lookup'] = [err, address, c.destroyed, c.connecting]
        both()

    def on_close(hadError):
        seen['close'] = hadError
        both()

    c.on('lookup', on_lookup)
    c.on('connect', lambda: show('connect (unexpected)'))
    c.on('error', lambda err: show('error (unexpected)', err))
    c.on('close', on_close)
    show('connecting', c.connecting)
    c.destroy()
    show('destroyed', c.destroyed, c.connecting)


# The server is unref'd so that only the lookup in flight keeps the
# process alive until it answers.
server.unref()
server.listen(0, '127.0.0.1', listening)
gnet.run()
