// covers: net.connect, 'lookup', 'connect'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('lookup', () => show('lookup (unexpected)'));
  c.on('connect', () => show('connect'));
  c.resume();
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
