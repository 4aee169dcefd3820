// covers: Socket.connect, 'lookup', 'error', ENOTFOUND
const net = require('net');
const { show } = require('../../trace');

// Names that no resolver takes: a label over 63 characters, empty labels.
const hosts = ['a'.repeat(64) + '.example', 'a..example', '.example'];
let index = 0;

function next() {
  const host = hosts[index++];
  if (host === undefined) return;
  const socket = net.connect(80, host);
  socket.on('lookup', (err, address, family, name) => show('lookup', err, address, family, name === host));
  socket.on('error', (err) => show('error', err, err.hostname === host, err.message === 'getaddrinfo ENOTFOUND ' + host));
  socket.on('close', (hadError) => { show('close', hadError); next(); });
}
next();
