// covers: net.SocketAddress, socketaddress.address, socketaddress.port, socketaddress.family, socketaddress.flowlabel, SocketAddress.isSocketAddress, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_SOCKET_BAD_PORT, ERR_OUT_OF_RANGE, ERR_INVALID_ADDRESS
'use strict';
// new net.SocketAddress(options): defaults, what each option accepts, and the
// error (code, class, message) for each bad one, in Node's order.
const net = require('net');
const { show } = require('../../trace');

function make(label, fn) {
  try {
    const sa = fn();
    show(label, sa.address, sa.port, sa.family, sa.flowlabel, sa.toJSON());
  } catch (e) {
    show(label, e.code, e.constructor.name, e.message);
  }
}
const SA = net.SocketAddress;

make('()', () => new SA());
make('(undefined)', () => new SA(undefined));
make('({})', () => new SA({}));
make("family 'ipv6'", () => new SA({ family: 'ipv6' }));
make("family 'IPv6'", () => new SA({ family: 'IPv6' }));
make('family undefined', () => new SA({ family: undefined }));
// The default address is picked before the family is lowercased.
make("family 'IPV4'", () => new SA({ family: 'IPV4' }));
make("family 'IPV4' with an address", () => new SA({ family: 'IPV4', address: '1.2.3.4' }));
make('address 1.2.3.4', () => new SA({ address: '1.2.3.4' }));
make('address ::FFFF:0102:0304', () => new SA({ address: '::FFFF:0102:0304', family: 'ipv6' }));
make('address with a zone', () => new SA({ address: 'fe80::1%lo', family: 'ipv6' }));
make('port 80', () => new SA({ port: 80 }));
make('port 65535', () => new SA({ port: 65535 }));
make('port 80.0', () => new SA({ port: 80.0 }));
make('port undefined', () => new SA({ port: undefined }));
make('flowlabel 5 on ipv4', () => new SA({ flowlabel: 5 }));
make('flowlabel 5 on ipv6', () => new SA({ family: 'ipv6', flowlabel: 5 }));
make('flowlabel 2 ** 20 - 1', () => new SA({ family: 'ipv6', flowlabel: 2 ** 20 - 1 }));
make('all four', () => new SA({ address: '2001:db8::1', port: 443, family: 'ipv6', flowlabel: 7 }));
make('a copy of a SocketAddress', () => new SA(new SA({ address: '::1', family: 'ipv6', port: 9, flowlabel: 3 })));

make("('1.2.3.4')", () => new SA('1.2.3.4'));
make('(5)', () => new SA(5));
make('(true)', () => new SA(true));
make('([])', () => new SA([]));
make('(function)', () => new SA(function options() {}));
make('family 4', () => new SA({ family: 4 }));
make("family ''", () => new SA({ family: '' }));
make("family 'ipv5'", () => new SA({ family: 'ipv5' }));
make("family ' ipv4'", () => new SA({ family: ' ipv4' }));
make('family {}', () => new SA({ family: {} }));
make('address 5', () => new SA({ address: 5 }));
make("address 'x'", () => new SA({ address: 'x' }));
make("address '::1' as ipv4", () => new SA({ address: '::1' }));
make("address '1.2.3.4' as ipv6", () => new SA({ address: '1.2.3.4', family: 'ipv6' }));
make('port -1', () => new SA({ port: -1 }));
make('port 65536', () => new SA({ port: 65536 }));
make('port 1.5', () => new SA({ port: 1.5 }));
make('port true', () => new SA({ port: true }));
make('port NaN', () => new SA({ port: NaN }));
make("port ''", () => new SA({ port: '' }));
make("port ' '", () => new SA({ port: ' ' }));
make('flowlabel -1', () => new SA({ flowlabel: -1 }));
make('flowlabel 2 ** 32', () => new SA({ flowlabel: 2 ** 32 }));
make('flowlabel 1.5', () => new SA({ flowlabel: 1.5 }));
make("flowlabel '5'", () => new SA({ flowlabel: '5' }));
// Order: family, then the address's type, the port, the flow label, and the address itself last.
make('bad family and address', () => new SA({ family: 'x', address: 5 }));
make('bad address type and port', () => new SA({ address: 5, port: -1 }));
make('invalid address and bad port', () => new SA({ address: 'x', port: -1 }));
make('invalid address and bad flowlabel', () => new SA({ address: 'x', flowlabel: -1 }));

const sa = new SA({ address: '::1', family: 'ipv6' });
show('isSocketAddress', SA.isSocketAddress(sa), SA.isSocketAddress(sa.toJSON()), SA.isSocketAddress({}),
     SA.isSocketAddress(), SA.isSocketAddress('::1'));
show('toJSON is a new object', sa.toJSON() !== sa.toJSON());
