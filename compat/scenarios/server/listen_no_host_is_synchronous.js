// covers: server.listen(port), server.listening, server.address, 'listening'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('listening', () => {
  show('listening event');
  server.close(() => show('closed'));
});
show('before', server.listening, server.address());
server.listen(0);
process.nextTick(() => show('tick queued after listen()'));
show('after', server.listening, server.address().family);
