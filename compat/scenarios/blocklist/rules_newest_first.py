import gnet
from compat.trace import show

block_list = gnet.BlockList()
show('empty', block_list.rules)
show('addAddress', block_list.addAddress('1.2.3.4'))
show('addRange', block_list.addRange('10.0.0.1', '10.0.0.10'))
show('addSubnet', block_list.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6'))
block_list.add_address('::FFFF:1.2.3.4', 'IPv6')
block_list.add_address('0:0:0:0:0:0:0:1', 'ipv6')
block_list.add_subnet('10.1.2.3', 8)
block_list.add_subnet('2001:db8::', 128, 'IPV6')
block_list.add_range('::1', '::2', 'ipv6')
block_list.add_range('10.0.0.5', '10.0.0.5')
block_list.add_address('1.2.3.4')
block_list.add_address('1.2.3.4\0ignored')
block_list.add_address(gnet.SocketAddress({'address': '2001:db8::1', 'family': 'ipv6', 'port': 80}), 'ipv4')
block_list.add_subnet(gnet.SocketAddress(address='::', family='ipv6'), 0)
block_list.add_range(gnet.SocketAddress(address='1.1.1.1'),
                     gnet.SocketAddress(address='::ffff:2.2.2.2', family='ipv6'))
block_list.add_range('::ffff:1.1.1.1', gnet.SocketAddress(address='1.1.1.2'), 'ipv6')
for rule in block_list.rules:
    show(rule)
rules = block_list.rules
rules.append('not a rule')
show('a new array each time', len(block_list.rules), len(rules))
