import gnet
from compat.trace import show

# A lookup that never answers: called before connect() returns, with Node's
# dns options; the socket stays connecting and holds nothing, so the
# program ends.
quiet = gnet.Socket()
lookups = [0]


def quiet_lookup(host, opts, cb):
    lookups[0] += 1
    show('quiet lookup called', host, opts, 'function' if callable(cb) else type(cb))


quiet.connect({'port': 1, 'host': 'never.test', 'lookup': quiet_lookup})
show('quiet after connect', lookups[0], quiet.connecting, quiet.readyState)

# A lookup that answers at once: 'lookup' comes inside connect(), the error
# on a later tick.
sync = gnet.Socket()
sync.on('lookup', lambda err, address, family, host: show('sync lookup', err, address, family, host))
sync.on('error', lambda err: show('sync error', err))


def sync_lookup(host, opts, cb):
    show('sync lookup called', host, opts)
    cb(None, 'not an ip', 4)
    show('sync lookup answered')


sync.connect({'port': 1, 'host': 'sync.test', 'family': 4, 'lookup': sync_lookup})
show('sync after connect', sync.connecting)
gnet.run()
show('exit', quiet.connecting, quiet.destroyed, sync.destroyed)
