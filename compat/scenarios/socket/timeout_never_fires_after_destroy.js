// covers: Socket.setTimeout, Socket.destroy, 'timeout'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.setTimeout(20, () => show('timeout callback (unexpected)'));
    c.destroy();
  });
  c.on('timeout', () => show('timeout (unexpected)'));
  c.on('close', (hadError) => {
    show('close', hadError, c.timeout);
    setTimeout(() => {
      show('no timeout after 80 ms');
      server.close(() => show('server closed'));
    }, 80);
  });
});
