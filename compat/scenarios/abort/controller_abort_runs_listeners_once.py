import gnet
from compat.trace import show

ac = gnet.AbortController()
signal = ac.signal
show('before', signal.aborted, signal.reason)
signal.addEventListener('abort', lambda ev: show('once listener', ev.type, ev.target is signal), {'once': True})
signal.onabort = lambda: show('onabort', signal.aborted)


def removed():
    show('removed listener ran')


def twice():
    show('added twice, runs once')


signal.add_event_listener('abort', removed)
signal.remove_event_listener('abort', removed)
signal.addEventListener('abort', twice)
signal.addEventListener('abort', twice)
signal.throwIfAborted()
show('not thrown')
ac.abort()
reason = signal.reason
show('after', signal.aborted, reason.name, reason.code, reason.message)
ac.abort('second')
show('second abort ignored', signal.reason is reason)
try:
    signal.throw_if_aborted()
except Exception as err:
    show('thrown is reason', err is reason)
custom = gnet.AbortController()
custom.signal.addEventListener('abort', lambda: show('custom reason', custom.signal.reason))
custom.abort('why')
