// covers: server.address
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  show('keys', Object.keys(a).sort());
  show('values', a.address, a.family, typeof a.port, a.port > 0);
  show('fresh object', server.address() !== a, server.address().port === a.port);
  server.close(() => show('closed'));
});
