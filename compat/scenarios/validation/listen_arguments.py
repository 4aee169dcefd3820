import math

import gnet
from compat.trace import show


def kind(err):
    if isinstance(err, ValueError):
        return 'RangeError'
    if isinstance(err, TypeError):
        return 'TypeError'
    return 'Error'


def attempt(label, fn):
    server = gnet.createServer()
    try:
        fn(server)
    except Exception as err:
        show(label, getattr(err, 'code', None), str(err), kind(err))
    else:
        show(label, 'ok', server.listening)
    server.close()


def twice(s, *args):
    s.listen(*args)
    s.listen(*args)


attempt('port -1', lambda s: s.listen(-1))
attempt('port 65536', lambda s: s.listen(65536))
attempt('port 1.5', lambda s: s.listen(1.5))
attempt('port NaN', lambda s: s.listen(math.nan))
attempt('port Infinity', lambda s: s.listen(math.inf))
attempt('port true', lambda s: s.listen(True))
attempt('port empty string', lambda s: s.listen(''))
attempt('port blank string', lambda s: s.listen(' '))
attempt('port numeric string', lambda s: s.listen('0'))
attempt('options port -1', lambda s: s.listen({'port': -1}))
attempt('options port 65536', lambda s: s.listen({'port': 65536}))
attempt('options port true', lambda s: s.listen({'port': True}))
attempt('options port object', lambda s: s.listen({'port': {}}))
attempt('options port array', lambda s: s.listen({'port': []}))
attempt('options port empty string', lambda s: s.listen({'port': ''}))
attempt('options port blank string', lambda s: s.listen({'port': ' '}))
attempt('options port 0x', lambda s: s.listen({'port': '0x'}))
attempt('options port abc', lambda s: s.listen({'port': 'abc'}))
attempt('options port 1.5', lambda s: s.listen({'port': 1.5}))
attempt('options port NaN', lambda s: s.listen({'port': math.nan}))
attempt('options port hex string', lambda s: s.listen({'port': '0x0'}))
attempt('options empty', lambda s: s.listen({}))
attempt('options port undefined', lambda s: s.listen({'port': None}))
attempt('options host only', lambda s: s.listen({'host': '127.0.0.1'}))
attempt('options fd -1', lambda s: s.listen({'fd': -1}))
attempt('options path number', lambda s: s.listen({'path': 1}))
attempt('options path true', lambda s: s.listen({'path': True}))
attempt('options path empty', lambda s: s.listen({'path': ''}))
attempt('options host number', lambda s: s.listen({'port': 0, 'host': 1}))
attempt('options host object', lambda s: s.listen({'port': 0, 'host': {}}))
attempt('backlog -1', lambda s: s.listen(0, '127.0.0.1', -1))
attempt('backlog string', lambda s: s.listen(0, '127.0.0.1', 'x'))
attempt('backlog 1.5', lambda s: s.listen(0, '127.0.0.1', 1.5))
attempt('options backlog -1', lambda s: s.listen({'port': 0, 'backlog': -1}))
attempt('options backlog string', lambda s: s.listen({'port': 0, 'backlog': 'x'}))
attempt('options backlog NaN', lambda s: s.listen({'port': 0, 'backlog': math.nan}))
attempt('options backlog true', lambda s: s.listen({'port': 0, 'backlog': True}))
attempt('number as host is a backlog', lambda s: s.listen(0, 5))
attempt('callback string', lambda s: s.listen(0, '127.0.0.1', 511, 'x'))
attempt('exclusive string', lambda s: s.listen({'port': 0, 'exclusive': 'x'}))
attempt('ipv6Only string', lambda s: s.listen({'port': 0, 'ipv6Only': 'x'}))
attempt('no arguments', lambda s: s.listen())
attempt('undefined', lambda s: s.listen(None))
attempt('callback only', lambda s: s.listen(lambda: None))
attempt('twice', lambda s: twice(s, 0))
attempt('twice with host', lambda s: twice(s, 0, '127.0.0.1'))
gnet.run()
