import gnet
from compat.trace import show

AbortSignal = gnet.AbortSignal
pre = AbortSignal.abort()
show('abort()', pre.aborted, pre.reason.name, pre.reason.code)
show('abort(reason)', AbortSignal.abort('mine').reason)
a = gnet.AbortController()
b = gnet.AbortController()
any_ = AbortSignal.any([a.signal, b.signal])
any_.addEventListener('abort', lambda: show('any aborted', any_.reason))
show('any before', any_.aborted)
b.abort('from b')
show('any of aborted', AbortSignal.any([pre]).reason.name)
t = AbortSignal.timeout(20)
show('timeout before', t.aborted)


def on_timeout():
    show('timeout', t.reason.name, t.reason.code, t.reason.message)
    gnet.clearTimeout(keep_alive)


t.addEventListener('abort', on_timeout)
# The timeout's timer is unref'd: something else keeps the process alive.
keep_alive = gnet.setTimeout(lambda: show('not reached'), 10000)
lone = AbortSignal.timeout(5000)
lone.onabort = lambda: show('unref timer kept the process alive')
gnet.run()
