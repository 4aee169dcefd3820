import math

import gnet
from compat.trace import show


def v4(address, port=0):
    return gnet.SocketAddress(address=address, port=port)


def v6(address):
    return gnet.SocketAddress(address=address, family='ipv6')


block_list = gnet.BlockList()


def js_class(err):
    return 'TypeError' if isinstance(err, TypeError) else 'RangeError' if isinstance(err, ValueError) else 'Error'


def attempt(label, fn):
    try:
        show(label, 'returned', fn())
    except gnet.NodeError as e:
        show(label, e.code, js_class(e), str(e))


b = block_list
attempt('addAddress()', lambda: b.addAddress())
attempt('addAddress(5)', lambda: b.addAddress(5))
attempt('addAddress({})', lambda: b.addAddress({}))
attempt('addAddress(true)', lambda: b.addAddress(True))
attempt("addAddress('1.2.3.4', 4)", lambda: b.addAddress('1.2.3.4', 4))
attempt("addAddress('1.2.3.4', 'ipv5')", lambda: b.addAddress('1.2.3.4', 'ipv5'))
attempt("addAddress('1.2.3')", lambda: b.addAddress('1.2.3'))
attempt("addAddress('::1')", lambda: b.addAddress('::1'))
attempt("addAddress('1.2.3.4', 'ipv6')", lambda: b.addAddress('1.2.3.4', 'ipv6'))
attempt("addAddress(' 1.2.3.4')", lambda: b.addAddress(' 1.2.3.4'))
attempt("addAddress('')", lambda: b.addAddress(''))

attempt("addRange(5, '1.1.1.1')", lambda: b.addRange(5, '1.1.1.1'))
attempt("addRange('1.1.1.1', 5)", lambda: b.addRange('1.1.1.1', 5))
attempt("addRange('1.1.1.1')", lambda: b.addRange('1.1.1.1'))
attempt("addRange('1.1.1.1', '1.1.1.2', 4)", lambda: b.addRange('1.1.1.1', '1.1.1.2', 4))
attempt("addRange(sa, '1.1.1.2', 4)", lambda: b.addRange(v4('1.1.1.1'), '1.1.1.2', 4))
attempt("addRange(sa, sa, 4)", lambda: b.addRange(v4('1.1.1.1'), v4('1.1.1.2'), 4))
attempt("addRange('1.1.1.1', '1.1.1.2', 'ipv5')", lambda: b.addRange('1.1.1.1', '1.1.1.2', 'ipv5'))
attempt("addRange('x', 5)", lambda: b.addRange('x', 5))
attempt("addRange('1.1.1.1', 'x')", lambda: b.addRange('1.1.1.1', 'x'))
attempt("addRange('10.0.0.10', '10.0.0.1')", lambda: b.addRange('10.0.0.10', '10.0.0.1'))
attempt("addRange('10.0.1.1', '10.0.0.2')", lambda: b.addRange('10.0.1.1', '10.0.0.2'))
attempt('addRange(sa:8080, sa)', lambda: b.addRange(v4('10.0.0.10', 8080), v4('10.0.0.1')))
attempt('addRange(mapped, v4)', lambda: b.addRange(v6('::ffff:3.1.1.1'), v4('2.2.2.2')))
attempt("addRange('ffff::2', 'ffff::1', 'ipv6')", lambda: b.addRange('ffff::2', 'ffff::1', 'ipv6'))
attempt('addRange(long v6 reversed)', lambda: b.addRange(
    'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd', 'ipv6'))
attempt("addRange('2001:db8::1:2', '2001:db8::1:1', 'ipv6')", lambda: b.addRange('2001:db8::1:2', '2001:db8::1:1', 'ipv6'))
attempt("addRange('2001:db8::12', '2001:db8::11', 'ipv6')", lambda: b.addRange('2001:db8::12', '2001:db8::11', 'ipv6'))

attempt("addSubnet('1.2.3.0', 33)", lambda: b.addSubnet('1.2.3.0', 33))
attempt("addSubnet('1.2.3.0', -1)", lambda: b.addSubnet('1.2.3.0', -1))
attempt("addSubnet('1.2.3.0', 1.5)", lambda: b.addSubnet('1.2.3.0', 1.5))
attempt("addSubnet('1.2.3.0', NaN)", lambda: b.addSubnet('1.2.3.0', math.nan))
attempt("addSubnet('1.2.3.0', Infinity)", lambda: b.addSubnet('1.2.3.0', math.inf))
attempt("addSubnet('1.2.3.0', 2 ** 31)", lambda: b.addSubnet('1.2.3.0', 2 ** 31))
attempt("addSubnet('1.2.3.0', '8')", lambda: b.addSubnet('1.2.3.0', '8'))
attempt("addSubnet('1.2.3.0', true)", lambda: b.addSubnet('1.2.3.0', True))
attempt("addSubnet('1.2.3.0')", lambda: b.addSubnet('1.2.3.0'))
attempt("addSubnet('::', 129, 'ipv6')", lambda: b.addSubnet('::', 129, 'ipv6'))
attempt("addSubnet(5, 8)", lambda: b.addSubnet(5, 8))
attempt("addSubnet('1.2.3', 8)", lambda: b.addSubnet('1.2.3', 8))
attempt("addSubnet('nope', 99)", lambda: b.addSubnet('nope', 99))
attempt("addSubnet('1.2.3.0', 99, 'ipv5')", lambda: b.addSubnet('1.2.3.0', 99, 'ipv5'))
attempt("addSubnet('1.2.3.0', 8, 6)", lambda: b.addSubnet('1.2.3.0', 8, 6))
attempt("addSubnet(v4 sa, 100, 'ipv6')", lambda: b.addSubnet(v4('1.0.0.0'), 100, 'ipv6'))
attempt("addSubnet(v6 sa, 100, 'ipv4')", lambda: b.addSubnet(v6('::'), 100, 'ipv4'))
attempt("addSubnet('1.2.3.0', 8.0)", lambda: b.addSubnet('1.2.3.0', 8.0))

attempt('check()', lambda: b.check())
attempt('check(5)', lambda: b.check(5))
attempt('check({})', lambda: b.check({}))
attempt("check('1.1.1.1', 4)", lambda: b.check('1.1.1.1', 4))
attempt("check('1.1.1.1', 'ipv5')", lambda: b.check('1.1.1.1', 'ipv5'))
attempt("check('nope')", lambda: b.check('nope'))
attempt('check(sa, 4)', lambda: b.check(v4('1.1.1.1'), 4))

show('rules', block_list.rules)
