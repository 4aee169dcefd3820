// covers: server.listen(port, host), server.listening, server.address, 'listening'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => {
  show('listening event', server.listening, server.address().family);
  server.close(() => show('closed'));
});
server.listen(0, '127.0.0.1');
process.nextTick(() => show('tick queued after listen()', server.listening));
show('after', server.listening, server.address());
