// covers: net.BlockList, blockList.addAddress, blockList.addRange, blockList.addSubnet, blockList.rules
'use strict';
// Each add* puts its rule first, and rules writes each one as Node does.
const net = require('net');
const { show } = require('../../trace');

const blockList = new net.BlockList();
show('empty', blockList.rules);
show('addAddress', blockList.addAddress('1.2.3.4'));
show('addRange', blockList.addRange('10.0.0.1', '10.0.0.10'));
show('addSubnet', blockList.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6'));
blockList.addAddress('::FFFF:1.2.3.4', 'IPv6');       // written back as inet_ntop writes it
blockList.addAddress('0:0:0:0:0:0:0:1', 'ipv6');
blockList.addSubnet('10.1.2.3', 8);                   // the network keeps the bits past its prefix
blockList.addSubnet('2001:db8::', 128, 'IPV6');
blockList.addRange('::1', '::2', 'ipv6');
blockList.addRange('10.0.0.5', '10.0.0.5');           // a range of one address
blockList.addAddress('1.2.3.4');                      // the same rule twice is two rules
blockList.addAddress('1.2.3.4\0ignored');             // the text ends at a NUL, as a C string does
// A SocketAddress's own family wins over the type argument.
blockList.addAddress(new net.SocketAddress({ address: '2001:db8::1', family: 'ipv6', port: 80 }), 'ipv4');
blockList.addSubnet(new net.SocketAddress({ address: '::', family: 'ipv6' }), 0);
blockList.addRange(new net.SocketAddress({ address: '1.1.1.1' }),
                   new net.SocketAddress({ address: '::ffff:2.2.2.2', family: 'ipv6' }));
blockList.addRange('::ffff:1.1.1.1', new net.SocketAddress({ address: '1.1.1.2' }), 'ipv6');
for (const rule of blockList.rules) show(rule);
const rules = blockList.rules;
rules.push('not a rule');
show('a new array each time', blockList.rules.length, rules.length);
