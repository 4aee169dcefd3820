// covers: Socket.destroy, 'data', 'error', 'close'
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
    c.destroy(new Error('stop'));
    show('destroy returned');
  });
  c.on('end', () => show('end'));
  c.on('error', (err) => show('error', err, err.message));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
