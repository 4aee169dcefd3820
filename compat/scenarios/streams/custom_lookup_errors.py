import gnet
from compat.trace import show


def second():
    t = gnet.Socket()
    t.on('lookup', lambda err, address, family, host: show('second lookup event', err, address, family, host))
    t.on('error', lambda e: show('second error', e, str(e)))
    t.on('close', lambda hadError2: show('second close', hadError2))

    def lookup(hostname, options, cb):
        gnet.setImmediate(lambda: cb(None, 'not-an-ip', 4))
    t.connect({'port': 80, 'host': 'bad.test', 'family': 4, 'lookup': lookup})


def on_close(hadError):
    show('close', hadError)
    second()


def lookup(hostname, options, cb):
    err = OSError('getaddrinfo ENOTFOUND nowhere.test')
    err.code = 'ENOTFOUND'
    gnet.setImmediate(lambda: cb(err))


s = gnet.Socket()
s.on('lookup', lambda err, address, family, host: show('lookup event', err, err and str(err), address, family, host))
s.on('error', lambda e: show('error', e, str(e)))
s.on('close', on_close)
s.connect({'port': 80, 'host': 'nowhere.test', 'family': 4, 'lookup': lookup})
show('connecting', s.connecting)
gnet.run()
