import gnet
from compat.trace import show

show('defaults', gnet.getDefaultAutoSelectFamily(), gnet.getDefaultAutoSelectFamilyAttemptTimeout())
for v in (1, 'x', None):
    try:
        gnet.setDefaultAutoSelectFamily(v)
    except gnet.NodeError as e:
        show('setDefaultAutoSelectFamily', v, e.code, str(e))
for v in (5, 100, 0, 1.5, '7', 2 ** 31, None):
    try:
        gnet.setDefaultAutoSelectFamilyAttemptTimeout(v)
        show('setDefaultAutoSelectFamilyAttemptTimeout', v, gnet.getDefaultAutoSelectFamilyAttemptTimeout())
    except gnet.NodeError as e:
        show('setDefaultAutoSelectFamilyAttemptTimeout', v, e.code, str(e))


# The default decides whether a connect asks its lookup for every address.
def try_connect(label, after):
    def lookup(host, opts, cb):
        show(label, 'lookup all', opts.get('all') is True)
        cb(Exception('no'))

    c = gnet.connect({'host': 'example.invalid', 'port': 80, 'lookup': lookup})
    c.on('error', lambda err: None)
    c.on('close', lambda *_: after())


def second():
    gnet.setDefaultAutoSelectFamily(False)
    show('after set false', gnet.getDefaultAutoSelectFamily())

    def done():
        gnet.setDefaultAutoSelectFamily(True)
        show('done')

    try_connect('default false', done)


try_connect('default true', second)
gnet.run()
