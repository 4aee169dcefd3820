// covers: server.listen(port, callback)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.listen(0, (...args) => {
  const a = server.address();
  show('callback', args.length, a.address, a.family, typeof a.port === 'number');
  server.close(() => show('closed'));
});
show('after listen');
