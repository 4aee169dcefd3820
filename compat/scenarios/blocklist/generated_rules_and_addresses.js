// covers: net.SocketAddress, socketaddress.address, blockList.addAddress, blockList.addRange, blockList.addSubnet, blockList.check, blockList.rules
'use strict';
// Many generated cases, the same in both halves (a Park-Miller generator):
// strings built from address fragments, each read as an IPv4 and an IPv6
// address; then block lists of random rules over IPv4, mapped and plain IPv6
// addresses, each checked against random addresses.
const net = require('net');
const { show } = require('../../trace');

let seed = 20240601;
const next = () => (seed = (seed * 48271) % 2147483647);
const pick = (list) => list[next() % list.length];
const between = (low, high) => low + (next() % (high - low + 1));

const fragments = ['0', '1', '00', '01', '0001', 'ffff', 'FFFF', 'fffe', 'a', 'abcd', '12345', 'g', ':', '::',
  ':::', '.', '1.2.3.4', '255.255.255.255', '256.1.1.1', '01.2.3.4', '0.0.0.0', '1.2.3', '%', '%lo', ' ',
  '127', '10', '0x1', '-1', '[', ']', ':', '::', '1', 'f', '0'];
const groups = ['0', '0', '0', '1', 'ffff', 'FFFF', 'abcd', '0000', '10', 'fe80', '2001', 'db8', '00001', 'g'];
const tails = ['1.2.3.4', '0.0.0.1', '255.255.255.255', '0.0.1.0', '10.0.0.1', '1.2.3', '01.2.3.4'];
const octets = ['0', '1', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '00', '01'];
function text() {
  const shape = next() % 5;
  if (shape < 2) {
    let out = '';
    for (let k = between(1, 9); k > 0; k--) out += pick(fragments);
    return out;
  }
  if (shape < 4) {
    const parts = [];
    for (let k = between(1, 8); k > 0; k--) parts.push(pick(groups));
    if (next() % 3 === 0) parts.push(pick(tails));
    let out = parts.join(':');
    if (next() % 3) {
      const cut = between(0, parts.length);
      out = parts.slice(0, cut).join(':') + '::' + parts.slice(between(cut, parts.length)).join(':');
    }
    if (next() % 8 === 0) out += pick(['%lo', '%', '%1']);
    return out;
  }
  const parts = [];
  for (let k = between(3, 5); k > 0; k--) parts.push(pick(octets));
  return parts.join('.');
}
show('# address text');
for (let i = 0; i < 3000; i++) {
  const address = text();
  const results = ['ipv4', 'ipv6'].map((family) => {
    try {
      return new net.SocketAddress({ address, family }).address;
    } catch (e) {
      return e.code;
    }
  });
  show(JSON.stringify(address), results[0], results[1]);
}

// Each generator draws its numbers in the order written, as the Python half does.
function v4() {
  switch (next() % 5) {
    case 0: return `10.0.0.${between(0, 12)}`;
    case 1: return `10.0.${between(0, 3)}.1`;
    case 2: return `${pick([0, 9, 10, 11, 128, 255])}.0.0.0`;
    case 3: return '255.255.255.255';
    default: return '0.0.0.0';
  }
}
function v6() {
  switch (next() % 5) {
    case 0:
    case 1: return `::ffff:${v4()}`;
    case 2: return `::${pick(['1', '2', 'a00:1', 'ffff', '1:0:0', 'fffe:a00:1'])}`;
    case 3: return next() % 2 ? `2001:db8::${between(0, 20).toString(16)}`
                              : pick(['2001:db8::', '2001:db9::', '8000::', 'ffff::', 'fe80::1']);
    default: return '::';
  }
}
const address = () => (next() % 2 ? ['ipv4', v4()] : ['ipv6', v6()]);
const socketAddress = ([family, text]) => new net.SocketAddress({ address: text, family });
show('# rules');
for (let i = 0; i < 400; i++) {
  const blockList = new net.BlockList();
  const line = [];
  for (let k = between(1, 3); k > 0; k--) {
    try {
      const kind = pick(['address', 'range', 'subnet']);
      if (kind === 'address') {
        const [family, text] = address();
        blockList.addAddress(text, family);
      } else if (kind === 'range') {
        blockList.addRange(socketAddress(address()), socketAddress(address()));
      } else {
        const [family, text] = address();
        blockList.addSubnet(text, between(0, family === 'ipv4' ? 32 : 128), family);
      }
    } catch (e) {
      line.push(e.code);
    }
  }
  const checks = [];
  for (let k = 0; k < 12; k++) {
    const [family, text] = address();
    checks.push(blockList.check(text, family) ? 1 : 0);
  }
  show(blockList.rules, ...line, checks.join(''));
}
