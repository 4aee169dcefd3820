'use strict';
// covers: socket.connect, 'error', 'close'
// connect() again while the first connect (to an address) is in flight: the
// handle refuses a second connect, EALREADY, and the socket is destroyed
// before its first 'connect'.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = net.connect(port, '127.0.0.1');
  c.on('connect', () => show('connect'));
  c.on('error', (e) => show('error', e.code, e.syscall, e.address, e.port === port));
  c.on('close', (hadError) => { show('close', hadError); server.close(); });
  show('second connect returns the socket', c.connect(port, '127.0.0.1') === c, c.connecting);
});
