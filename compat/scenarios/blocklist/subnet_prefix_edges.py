import gnet
from compat.trace import show

cases = [
    ['10.0.0.0', 'ipv4', [0, 1, 7, 8, 9, 24, 31, 32],
     [['10.0.0.0'], ['10.0.0.1'], ['10.0.1.0'], ['10.255.255.255'], ['11.0.0.0'], ['138.0.0.0'], ['0.0.0.0'],
      ['::ffff:10.0.0.1', 'ipv6'], ['::ffff:138.0.0.0', 'ipv6'], ['::a00:1', 'ipv6']]],
    ['::ffff:10.0.0.0', 'ipv6', [0, 1, 64, 80, 95, 96, 97, 100, 104, 120, 127, 128],
     [['10.0.0.0'], ['10.0.0.1'], ['10.0.1.0'], ['11.0.0.0'], ['138.0.0.0'],
      ['::ffff:10.0.0.1', 'ipv6'], ['::ffff:138.0.0.0', 'ipv6'], ['::a00:1', 'ipv6'], ['::1', 'ipv6'], ['8000::', 'ipv6']]],
    ['2001:db8::', 'ipv6', [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 127, 128],
     [['2001:db8::', 'ipv6'], ['2001:db8::1', 'ipv6'], ['2001:db9::', 'ipv6'], ['2001:db8:ffff:ffff::', 'ipv6'],
      ['2001:db8:0:0:8000::', 'ipv6'], ['3001::', 'ipv6'], ['a001::', 'ipv6'], ['2101::', 'ipv6'],
      ['2001:db8::ffff:ffff:ffff:ffff', 'ipv6'], ['1.1.1.1']]],
]
for network, type_, prefixes, checks in cases:
    for prefix in prefixes:
        block_list = gnet.BlockList()
        block_list.addSubnet(network, prefix, type_)
        show(block_list.rules[0], ''.join('1' if block_list.check(*check) else '0' for check in checks))
