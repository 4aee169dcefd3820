// covers: 'listening', server.listen(port, host, callback)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => show('listener added before listen()'));
server.listen(0, '127.0.0.1', () => show('listen callback'));
server.on('listening', () => {
  show('listener added after listen()');
  server.close(() => show('closed'));
});
