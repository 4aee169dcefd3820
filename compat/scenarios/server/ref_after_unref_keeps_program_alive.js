// covers: server.ref, server.unref
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.listen(0);
server.unref();
show('ref returns server', server.ref() === server);
setTimeout(() => {
  show('unref timer fired', server.listening);
  server.close(() => show('closed'));
}, 50).unref();
process.on('exit', () => show('exit'));
