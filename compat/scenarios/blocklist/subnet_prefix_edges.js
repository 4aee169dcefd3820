// covers: blockList.addSubnet, blockList.check
'use strict';
// Subnets at every interesting prefix length, IPv4 and IPv6, each checked
// against addresses on both sides of the boundary and in the other family.
const net = require('net');
const { show } = require('../../trace');

const cases = [
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
];
for (const [network, type, prefixes, checks] of cases) {
  for (const prefix of prefixes) {
    const blockList = new net.BlockList();
    blockList.addSubnet(network, prefix, type);
    show(blockList.rules[0], checks.map(([address, family]) => (blockList.check(address, family) ? 1 : 0)).join(''));
  }
}
