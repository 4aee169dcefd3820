// covers: Server.close, Server.listen, 'close', Server.listening
const net = require('net');
const { show } = require('../../trace');
const server = net.createServer();
server.on('close', () => show('close event', server.listening));
server.on('listening', () => show('listening event', server.listening));
server.listen(0, () => {
  server.close((err) => {
    show('close callback', err === undefined ? 'undefined' : err, server.listening);
    server.close((err2) => show('second close callback', err2 === undefined ? 'undefined' : err2, server.listening));
  });
  show('closed', server.listening);
  server.listen(0);
  show('listen again', server.listening);
});
