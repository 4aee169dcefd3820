// covers: server.listen(callback)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.listen(() => {
  const a = server.address();
  show('callback', a.address, a.family, typeof a.port === 'number', a.port > 0);
  server.close(() => show('closed'));
});
show('sync', server.listening);
