// covers: blockList.check, blockList.addAddress, blockList.addRange, blockList.addSubnet, net.SocketAddress
'use strict';
// How check() matches IPv4 and IPv6 addresses against each kind of rule,
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) included.
const net = require('net');
const { show } = require('../../trace');

const v4 = (address) => new net.SocketAddress({ address });
const v6 = (address) => new net.SocketAddress({ address, family: 'ipv6' });

function probe(label, setup, checks) {
  const blockList = new net.BlockList();
  setup(blockList);
  show('#', label, blockList.rules);
  for (const [address, type] of checks) show(address, type, blockList.check(address, type));
}

probe('IPv4 address', (b) => b.addAddress('1.2.3.4'), [
  ['1.2.3.4'], ['1.2.3.5'], ['1.2.3.4', 'ipv4'], ['1.2.3.4', 'IPv4'],
  ['::ffff:1.2.3.4', 'ipv6'], ['::ffff:102:304', 'ipv6'], ['::FFFF:1.2.3.4', 'IPV6'],
  ['::1.2.3.4', 'ipv6'], ['::ffff:1.2.3.5', 'ipv6'], ['1.2.3.4', 'ipv6'],
  ['1.2.3', 'ipv4'], ['', 'ipv4'], ['1.2.3.4', 'ipv5'], ['01.2.3.4'], [' 1.2.3.4'],
]);
probe('mapped IPv6 address', (b) => b.addAddress('::ffff:1.2.3.4', 'ipv6'), [
  ['1.2.3.4'], ['1.2.3.5'], ['::ffff:1.2.3.4', 'ipv6'], ['::1.2.3.4', 'ipv6'],
]);
probe('IPv6 address', (b) => b.addAddress('2001:db8::1', 'ipv6'), [
  ['2001:db8::1', 'ipv6'], ['2001:0db8:0:0:0:0:0:1', 'ipv6'], ['2001:db8::1%lo', 'ipv6'],
  ['2001:db8::2', 'ipv6'], ['2001:db8::1'], ['0.0.0.1'],
]);
probe('IPv4 range', (b) => b.addRange('10.0.0.1', '10.0.0.10'), [
  ['10.0.0.0'], ['10.0.0.1'], ['10.0.0.5'], ['10.0.0.10'], ['10.0.0.11'], ['10.0.1.5'], ['9.0.0.5'],
  ['::ffff:10.0.0.5', 'ipv6'], ['::ffff:10.0.0.11', 'ipv6'], ['::10.0.0.5', 'ipv6'],
]);
probe('IPv4 range across an octet', (b) => b.addRange('10.0.0.200', '10.0.1.20'), [
  ['10.0.0.199'], ['10.0.0.255'], ['10.0.1.0'], ['10.0.1.20'], ['10.0.1.21'], ['10.0.0.5'],
]);
probe('mapped IPv6 range', (b) => b.addRange('::ffff:10.0.0.1', '::ffff:10.0.0.10', 'ipv6'), [
  ['10.0.0.5'], ['10.0.0.11'], ['::ffff:10.0.0.5', 'ipv6'],
]);
probe('IPv6 range over every mapped address', (b) => b.addRange('::', '::ffff:ffff:ffff', 'ipv6'), [
  ['::1', 'ipv6'], ['::ffff:1.1.1.1', 'ipv6'], ['1.1.1.1'], ['1::', 'ipv6'],
]);
probe('range from IPv4 to mapped IPv6', (b) => b.addRange(v4('1.1.1.1'), v6('::ffff:2.2.2.2')), [
  ['1.1.1.0'], ['1.1.1.1'], ['1.5.0.0'], ['2.2.2.2'], ['2.2.2.3'], ['::ffff:1.5.0.0', 'ipv6'], ['::1', 'ipv6'],
]);
probe('range from IPv4 to plain IPv6', (b) => b.addRange(v4('1.1.1.1'), v6('::1')), [
  ['1.1.1.1'], ['1.5.0.0'], ['255.255.255.255'], ['::1', 'ipv6'], ['::ffff:1.1.1.1', 'ipv6'],
]);
probe('range from plain IPv6 to IPv4', (b) => b.addRange(v6('::1'), v4('1.1.1.1')), [
  ['0.0.0.0'], ['1.1.1.1'], ['::1', 'ipv6'], ['::ffff:0.0.0.0', 'ipv6'], ['::ffff:1.1.1.1', 'ipv6'],
  ['::ffff:1.1.1.2', 'ipv6'], ['::fffe:0:0', 'ipv6'],
]);
probe('IPv4 subnet', (b) => b.addSubnet('10.0.0.0', 8), [
  ['10.1.2.3'], ['11.0.0.0'], ['9.255.255.255'],
  ['::ffff:10.1.2.3', 'ipv6'], ['::ffff:11.1.2.3', 'ipv6'], ['::a01:203', 'ipv6'],
]);
probe('mapped IPv6 subnet', (b) => b.addSubnet('::ffff:10.0.0.0', 104, 'ipv6'), [
  ['10.1.2.3'], ['11.1.2.3'], ['::ffff:10.1.2.3', 'ipv6'], ['::a01:203', 'ipv6'],
]);
probe('IPv4 /0', (b) => b.addSubnet('10.0.0.0', 0), [
  ['200.0.0.1'], ['0.0.0.0'], ['::ffff:200.0.0.1', 'ipv6'], ['::1', 'ipv6'],
]);
probe('IPv6 /0', (b) => b.addSubnet('::', 0, 'ipv6'), [
  ['ffff::1', 'ipv6'], ['1.1.1.1'], ['::1', 'ipv6'],
]);
probe('a SocketAddress is checked as it is', (b) => b.addAddress('1.2.3.4'), [
  [v4('1.2.3.4')], [new net.SocketAddress({ address: '1.2.3.4', port: 80 }), 'ipv6'],
  [v6('::ffff:1.2.3.4'), 'ipv4'], [v4('1.2.3.5')],
]);
probe('the newest rule is asked first, any match blocks', (b) => {
  b.addSubnet('10.0.0.0', 24);
  b.addAddress('10.0.1.1');
}, [['10.0.0.7'], ['10.0.1.1'], ['10.0.1.2']]);
