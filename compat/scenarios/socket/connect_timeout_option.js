// covers: net.connect, Socket.timeout, 'timeout', 'connect'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', timeout: 200 });
  show('timeout property before connect', c.timeout);
  c.on('connect', () => show('connect', c.timeout));
  c.on('timeout', () => {
    show('timeout', c.destroyed);
    c.destroy();
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
