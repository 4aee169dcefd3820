// covers: blockList.addAddress, blockList.addRange, blockList.addSubnet, blockList.check, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_INVALID_ADDRESS
'use strict';
// Every bad argument of BlockList's methods: the error's code, class and message.
const net = require('net');
const { show } = require('../../trace');

const v4 = (address, port) => new net.SocketAddress({ address, port });
const v6 = (address) => new net.SocketAddress({ address, family: 'ipv6' });
const blockList = new net.BlockList();

function attempt(label, fn) {
  try {
    show(label, 'returned', fn());
  } catch (e) {
    show(label, e.code, e.constructor.name, e.message);
  }
}

attempt('addAddress()', () => blockList.addAddress());
attempt('addAddress(5)', () => blockList.addAddress(5));
attempt('addAddress({})', () => blockList.addAddress({}));
attempt('addAddress(true)', () => blockList.addAddress(true));
attempt("addAddress('1.2.3.4', 4)", () => blockList.addAddress('1.2.3.4', 4));
attempt("addAddress('1.2.3.4', 'ipv5')", () => blockList.addAddress('1.2.3.4', 'ipv5'));
attempt("addAddress('1.2.3')", () => blockList.addAddress('1.2.3'));
attempt("addAddress('::1')", () => blockList.addAddress('::1'));
attempt("addAddress('1.2.3.4', 'ipv6')", () => blockList.addAddress('1.2.3.4', 'ipv6'));
attempt("addAddress(' 1.2.3.4')", () => blockList.addAddress(' 1.2.3.4'));
attempt("addAddress('')", () => blockList.addAddress(''));

attempt("addRange(5, '1.1.1.1')", () => blockList.addRange(5, '1.1.1.1'));
attempt("addRange('1.1.1.1', 5)", () => blockList.addRange('1.1.1.1', 5));
attempt("addRange('1.1.1.1')", () => blockList.addRange('1.1.1.1'));
attempt("addRange('1.1.1.1', '1.1.1.2', 4)", () => blockList.addRange('1.1.1.1', '1.1.1.2', 4));
attempt("addRange(sa, '1.1.1.2', 4)", () => blockList.addRange(v4('1.1.1.1'), '1.1.1.2', 4));
attempt("addRange(sa, sa, 4)", () => blockList.addRange(v4('1.1.1.1'), v4('1.1.1.2'), 4));
attempt("addRange('1.1.1.1', '1.1.1.2', 'ipv5')", () => blockList.addRange('1.1.1.1', '1.1.1.2', 'ipv5'));
attempt("addRange('x', 5)", () => blockList.addRange('x', 5));
attempt("addRange('1.1.1.1', 'x')", () => blockList.addRange('1.1.1.1', 'x'));
attempt("addRange('10.0.0.10', '10.0.0.1')", () => blockList.addRange('10.0.0.10', '10.0.0.1'));
attempt("addRange('10.0.1.1', '10.0.0.2')", () => blockList.addRange('10.0.1.1', '10.0.0.2'));
attempt('addRange(sa:8080, sa)', () => blockList.addRange(v4('10.0.0.10', 8080), v4('10.0.0.1')));
attempt('addRange(mapped, v4)', () => blockList.addRange(v6('::ffff:3.1.1.1'), v4('2.2.2.2')));
attempt("addRange('ffff::2', 'ffff::1', 'ipv6')", () => blockList.addRange('ffff::2', 'ffff::1', 'ipv6'));
attempt('addRange(long v6 reversed)', () => blockList.addRange(
  'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffd', 'ipv6'));
attempt("addRange('2001:db8::1:2', '2001:db8::1:1', 'ipv6')", () => blockList.addRange('2001:db8::1:2', '2001:db8::1:1', 'ipv6'));
attempt("addRange('2001:db8::12', '2001:db8::11', 'ipv6')", () => blockList.addRange('2001:db8::12', '2001:db8::11', 'ipv6'));

attempt("addSubnet('1.2.3.0', 33)", () => blockList.addSubnet('1.2.3.0', 33));
attempt("addSubnet('1.2.3.0', -1)", () => blockList.addSubnet('1.2.3.0', -1));
attempt("addSubnet('1.2.3.0', 1.5)", () => blockList.addSubnet('1.2.3.0', 1.5));
attempt("addSubnet('1.2.3.0', NaN)", () => blockList.addSubnet('1.2.3.0', NaN));
attempt("addSubnet('1.2.3.0', Infinity)", () => blockList.addSubnet('1.2.3.0', Infinity));
attempt("addSubnet('1.2.3.0', 2 ** 31)", () => blockList.addSubnet('1.2.3.0', 2 ** 31));
attempt("addSubnet('1.2.3.0', '8')", () => blockList.addSubnet('1.2.3.0', '8'));
attempt("addSubnet('1.2.3.0', true)", () => blockList.addSubnet('1.2.3.0', true));
attempt("addSubnet('1.2.3.0')", () => blockList.addSubnet('1.2.3.0'));
attempt("addSubnet('::', 129, 'ipv6')", () => blockList.addSubnet('::', 129, 'ipv6'));
attempt("addSubnet(5, 8)", () => blockList.addSubnet(5, 8));
attempt("addSubnet('1.2.3', 8)", () => blockList.addSubnet('1.2.3', 8));
attempt("addSubnet('nope', 99)", () => blockList.addSubnet('nope', 99));
attempt("addSubnet('1.2.3.0', 99, 'ipv5')", () => blockList.addSubnet('1.2.3.0', 99, 'ipv5'));
attempt("addSubnet('1.2.3.0', 8, 6)", () => blockList.addSubnet('1.2.3.0', 8, 6));
attempt("addSubnet(v4 sa, 100, 'ipv6')", () => blockList.addSubnet(v4('1.0.0.0'), 100, 'ipv6'));
attempt("addSubnet(v6 sa, 100, 'ipv4')", () => blockList.addSubnet(v6('::'), 100, 'ipv4'));
attempt("addSubnet('1.2.3.0', 8.0)", () => blockList.addSubnet('1.2.3.0', 8.0));

attempt('check()', () => blockList.check());
attempt('check(5)', () => blockList.check(5));
attempt('check({})', () => blockList.check({}));
attempt("check('1.1.1.1', 4)", () => blockList.check('1.1.1.1', 4));
attempt("check('1.1.1.1', 'ipv5')", () => blockList.check('1.1.1.1', 'ipv5'));
attempt("check('nope')", () => blockList.check('nope'));
attempt('check(sa, 4)', () => blockList.check(v4('1.1.1.1'), 4));

show('rules', blockList.rules);
