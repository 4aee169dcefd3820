import json
import sys

import gnet
from compat.trace import show

sys.stdout.reconfigure(encoding="utf-8")

seed = 20240601


def next_():
    global seed
    seed = (seed * 48271) % 2147483647
    return seed


def pick(items):
    return items[next_() % len(items)]


def between(low, high):
    return low + next_() % (high - low + 1)


fragments = ['0', '1', '00', '01', '0001', 'ffff', 'FFFF', 'fffe', 'a', 'abcd', '12345', 'g', ':', '::',
             ':::', '.', '1.2.3.4', '255.255.255.255', '256.1.1.1', '01.2.3.4', '0.0.0.0', '1.2.3', '%', '%lo', ' ',
             '127', '10', '0x1', '-1', '[', ']', ':', '::', '1', 'f', '0']
groups = ['0', '0', '0', '1', 'ffff', 'FFFF', 'abcd', '0000', '10', 'fe80', '2001', 'db8', '00001', 'g']
tails = ['1.2.3.4', '0.0.0.1', '255.255.255.255', '0.0.1.0', '10.0.0.1', '1.2.3', '01.2.3.4']
octets = ['0', '1', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '00', '01']


def text():
    shape = next_() % 5
    if shape < 2:
        return ''.join(pick(fragments) for _ in range(between(1, 9)))
    if shape < 4:
        parts = [pick(groups) for _ in range(between(1, 8))]
        if next_() % 3 == 0:
            parts.append(pick(tails))
        out = ':'.join(parts)
        if next_() % 3:
            cut = between(0, len(parts))
            out = ':'.join(parts[:cut]) + '::' + ':'.join(parts[between(cut, len(parts)):])
        if next_() % 8 == 0:
            out += pick(['%lo', '%', '%1'])
        return out
    return '.'.join(pick(octets) for _ in range(between(3, 5)))


show('# address text')
for _ in range(3000):
    address = text()
    results = []
    for family in ('ipv4', 'ipv6'):
        try:
            results.append(gnet.SocketAddress(address=address, family=family).address)
        except gnet.NodeError as e:
            results.append(e.code)
    show(json.dumps(address, ensure_ascii=False, separators=(",", ":")), *results)


def v4():
    choice = next_() % 5
    if choice == 0:
        return '10.0.0.%d' % between(0, 12)
    if choice == 1:
        return '10.0.%d.1' % between(0, 3)
    if choice == 2:
        return '%d.0.0.0' % pick([0, 9, 10, 11, 128, 255])
    return '255.255.255.255' if choice == 3 else '0.0.0.0'


def v6():
    choice = next_() % 5
    if choice in (0, 1):
        return '::ffff:' + v4()
    if choice == 2:
        return '::' + pick(['1', '2', 'a00:1', 'ffff', '1:0:0', 'fffe:a00:1'])
    if choice == 3:
        if next_() % 2:
            return '2001:db8::%x' % between(0, 20)
        return pick(['2001:db8::', '2001:db9::', '8000::', 'ffff::', 'fe80::1'])
    return '::'


def address():
    return ['ipv4', v4()] if next_() % 2 else ['ipv6', v6()]


def socket_address(pair):
    return gnet.SocketAddress(address=pair[1], family=pair[0])


show('# rules')
for _ in range(400):
    block_list = gnet.BlockList()
    line = []
    for _ in range(between(1, 3)):
        try:
            kind = pick(['address', 'range', 'subnet'])
            if kind == 'address':
                family, text = address()
                block_list.addAddress(text, family)
            elif kind == 'range':
                block_list.addRange(socket_address(address()), socket_address(address()))
            else:
                family, text = address()
                block_list.addSubnet(text, between(0, 32 if family == 'ipv4' else 128), family)
        except gnet.NodeError as e:
            line.append(e.code)
    checks = []
    for _ in range(12):
        family, text = address()
        checks.append('1' if block_list.check(text, family) else '0')
    show(block_list.rules, *line, ''.join(checks))
