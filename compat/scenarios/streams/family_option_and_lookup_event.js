// covers: options.family, options.host, 'lookup', socket.remoteFamily, socket.remoteAddress
'use strict';
// Connecting to 'localhost' with family 4 (or 'IPv4') looks the name up and
// emits 'lookup' (err, address, family, host) before 'connect'; an IP literal
// host emits no 'lookup'.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => conn.end());
const cases = [
  { host: 'localhost', family: 4 },
  { host: 'localhost', family: 'IPv4' },
  { host: '127.0.0.1', family: 4 },
  { host: '127.0.0.1' },
];
function run(i) {
  if (i === cases.length) return server.close();
  const sock = new net.Socket();
  sock.on('lookup', (err, address, family, host) => show(i, 'lookup', err, address, family, host));
  sock.on('connect', () => show(i, 'connect', sock.remoteAddress, sock.remoteFamily, sock.remotePort === server.address().port));
  sock.on('end', () => sock.end());
  sock.on('close', () => run(i + 1));
  sock.connect({ port: server.address().port, ...cases[i] });
  show(i, 'connecting', sock.connecting);
}
server.listen(0, '127.0.0.1', () => run(0));
