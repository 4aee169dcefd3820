import math

import gnet
from compat.trace import show


def js_class(err):
    return 'TypeError' if isinstance(err, TypeError) else 'RangeError' if isinstance(err, ValueError) else 'Error'


def make(label, fn):
    try:
        sa = fn()
        show(label, sa.address, sa.port, sa.family, sa.flowlabel, sa.toJSON())
    except gnet.NodeError as e:
        show(label, e.code, js_class(e), str(e))


SA = gnet.SocketAddress


def options():
    pass


make('()', lambda: SA())
make('(undefined)', lambda: SA(None))
make('({})', lambda: SA({}))
make("family 'ipv6'", lambda: SA({'family': 'ipv6'}))
make("family 'IPv6'", lambda: SA({'family': 'IPv6'}))
make('family undefined', lambda: SA({'family': None}))
make("family 'IPV4'", lambda: SA({'family': 'IPV4'}))
make("family 'IPV4' with an address", lambda: SA({'family': 'IPV4', 'address': '1.2.3.4'}))
make('address 1.2.3.4', lambda: SA({'address': '1.2.3.4'}))
make('address ::FFFF:0102:0304', lambda: SA({'address': '::FFFF:0102:0304', 'family': 'ipv6'}))
make('address with a zone', lambda: SA({'address': 'fe80::1%lo', 'family': 'ipv6'}))
make('port 80', lambda: SA({'port': 80}))
make('port 65535', lambda: SA({'port': 65535}))
make('port 80.0', lambda: SA({'port': 80.0}))
make('port undefined', lambda: SA({'port': None}))
make('flowlabel 5 on ipv4', lambda: SA({'flowlabel': 5}))
make('flowlabel 5 on ipv6', lambda: SA({'family': 'ipv6', 'flowlabel': 5}))
make('flowlabel 2 ** 20 - 1', lambda: SA({'family': 'ipv6', 'flowlabel': 2 ** 20 - 1}))
make('all four', lambda: SA({'address': '2001:db8::1', 'port': 443, 'family': 'ipv6', 'flowlabel': 7}))
make('a copy of a SocketAddress', lambda: SA(SA({'address': '::1', 'family': 'ipv6', 'port': 9, 'flowlabel': 3})))

make("('1.2.3.4')", lambda: SA('1.2.3.4'))
make('(5)', lambda: SA(5))
make('(true)', lambda: SA(True))
make('([])', lambda: SA([]))
make('(function)', lambda: SA(options))
make('family 4', lambda: SA({'family': 4}))
make("family ''", lambda: SA({'family': ''}))
make("family 'ipv5'", lambda: SA({'family': 'ipv5'}))
make("family ' ipv4'", lambda: SA({'family': ' ipv4'}))
make('family {}', lambda: SA({'family': {}}))
make('address 5', lambda: SA({'address': 5}))
make("address 'x'", lambda: SA({'address': 'x'}))
make("address '::1' as ipv4", lambda: SA({'address': '::1'}))
make("address '1.2.3.4' as ipv6", lambda: SA({'address': '1.2.3.4', 'family': 'ipv6'}))
make('port -1', lambda: SA({'port': -1}))
make('port 65536', lambda: SA({'port': 65536}))
make('port 1.5', lambda: SA({'port': 1.5}))
make('port true', lambda: SA({'port': True}))
make('port NaN', lambda: SA({'port': math.nan}))
make("port ''", lambda: SA({'port': ''}))
make("port ' '", lambda: SA({'port': ' '}))
make('flowlabel -1', lambda: SA({'flowlabel': -1}))
make('flowlabel 2 ** 32', lambda: SA({'flowlabel': 2 ** 32}))
make('flowlabel 1.5', lambda: SA({'flowlabel': 1.5}))
make("flowlabel '5'", lambda: SA({'flowlabel': '5'}))
make('bad family and address', lambda: SA({'family': 'x', 'address': 5}))
make('bad address type and port', lambda: SA({'address': 5, 'port': -1}))
make('invalid address and bad port', lambda: SA({'address': 'x', 'port': -1}))
make('invalid address and bad flowlabel', lambda: SA({'address': 'x', 'flowlabel': -1}))

sa = SA({'address': '::1', 'family': 'ipv6'})
show('isSocketAddress', SA.isSocketAddress(sa), SA.isSocketAddress(sa.toJSON()), SA.isSocketAddress({}),
     SA.isSocketAddress(), SA.isSocketAddress('::1'))
show('toJSON is a new object', sa.toJSON() is not sa.toJSON())
