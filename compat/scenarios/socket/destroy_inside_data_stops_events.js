// covers: Socket.destroy, 'data', 'end', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('error', () => {});
  s.end('first');
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('data', (d) => {
    show('data', d);
    c.destroy();
    show('destroyed in data', c.destroyed, c.readable, c.writable);
  });
  c.on('end', () => show('end'));
  c.on('finish', () => show('finish'));
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
