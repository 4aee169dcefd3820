// covers: server.address, server.close, server.listening
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  server.close(() => show('in close callback', server.address(), server.listening));
  show('right after close()', server.address(), server.listening);
});
