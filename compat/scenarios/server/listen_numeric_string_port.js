// covers: server.listen(port, host, callback)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.listen('0', '127.0.0.1', () => {
  const a = server.address();
  show('listening', typeof a, a.address, a.family, typeof a.port === 'number');
  server.close(() => show('closed'));
});
