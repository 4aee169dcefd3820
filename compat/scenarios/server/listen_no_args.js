// covers: server.listen()
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => {
  const a = server.address();
  show('listening', a.address, a.family, typeof a.port === 'number', a.port > 0);
  server.close(() => show('closed'));
});
show('returns server', server.listen() === server);
show('sync', server.listening);
