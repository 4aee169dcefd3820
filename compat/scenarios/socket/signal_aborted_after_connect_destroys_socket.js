// covers: net.connect, Socket.destroyed, 'error', 'close'
'use strict';
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => c.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const ac = new AbortController();
  const client = net.connect({ port: server.address().port, host: '127.0.0.1', signal: ac.signal });
  client.on('connect', () => {
    show('connect');
    ac.abort('stop');
    show('after abort', client.destroyed);
  });
  client.on('error', (err) => show('error', err, err.name, err.message, err.cause));
  client.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
