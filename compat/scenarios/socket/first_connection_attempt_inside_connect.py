import gnet
from compat.trace import show

# A lookup that answers at once: the first 'connectionAttempt' is emitted
# inside connect(), so a listener added after connect() returns misses it
# and autoSelectFamilyAttemptedAddresses already holds the first address.
server = gnet.createServer(lambda s: s.end())


def on_listening():
    port = server.address()['port']

    def lookup(host, opts, cb):
        cb(None, [{'address': '127.0.0.2', 'family': 4}, {'address': '127.0.0.1', 'family': 4}])

    c = gnet.Socket()
    c.on('connectionAttempt', lambda ip: show('attempt before', ip))
    c.connect({'host': 'two.example', 'port': port, 'lookup': lookup, 'autoSelectFamily': True})
    show('returned', len(c.autoSelectFamilyAttemptedAddresses), c.connecting)
    c.on('connectionAttempt', lambda ip: show('attempt after', ip))
    c.on('connectionAttemptFailed', lambda ip, p, family, err: show('failed', ip, err.code))
    c.on('connect', lambda: show('connect', len(c.autoSelectFamilyAttemptedAddresses)))

    def on_close(*_):
        show('close')
        server.close()

    c.on('close', on_close)
    c.resume()


server.listen(0, '127.0.0.1', on_listening)
gnet.run()
