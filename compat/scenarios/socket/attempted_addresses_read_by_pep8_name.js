'use strict';
// covers: socket.autoSelectFamilyAttemptedAddresses
// The addresses an autoSelectFamily connect tried, read under the property's
// name (in gnet, its PEP 8 spelling too): undefined before, then each one.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => c.end());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const socket = new net.Socket();
  show('before', socket.autoSelectFamilyAttemptedAddresses);
  socket.connect({
    port,
    host: 'example.invalid',
    autoSelectFamily: true,
    lookup: (host, opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]),
  });
  socket.on('connect', () => {
    show('connect', socket.autoSelectFamilyAttemptedAddresses.map((a) => a.replace(/:\d+$/, ':PORT')));
    socket.destroy();
    server.close(() => show('closed'));
  });
});
