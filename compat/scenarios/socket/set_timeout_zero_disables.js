// covers: Socket.setTimeout, 'timeout', Socket.timeout
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.setTimeout(20, () => show('callback (unexpected)'));
    c.setTimeout(0);
    show('timeout property', c.timeout);
    setTimeout(() => {
      show('no timeout after 100 ms');
      c.end();
    }, 100);
  });
  c.on('timeout', () => show('timeout (unexpected)'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
