import gnet
from compat.trace import show

# The lookup answers two addresses; nothing listens on the first, so the
# socket tries the second with a handle of its own.
server = gnet.createServer(lambda s: s.end())


def on_listening():
    port = server.address()['port']

    def lookup(host, opts, cb):
        cb(None, [{'address': '127.0.0.2', 'family': 4}, {'address': '127.0.0.1', 'family': 4}])

    c = gnet.Socket()
    c.on('connectionAttempt', lambda ip, p, family: show('attempt', ip, p == port, family))
    c.on('connectionAttemptFailed', lambda ip, p, family, err: show('failed', ip, family, err.code))
    c.on('connect', lambda: show('connect', c.remoteAddress, len(c.autoSelectFamilyAttemptedAddresses)))
    c.on('error', lambda err: show('error', err.code))

    def on_close(*_):
        show('close')
        server.close()

    c.on('close', on_close)
    c.resume()
    c.connect({'host': 'two.example', 'port': port, 'lookup': lookup, 'autoSelectFamily': True})


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
