// covers: Socket.destroy, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.destroy(new Error('first'));
    c.destroy(new Error('second'));
    c.destroy();
    show('three destroy() calls done');
  });
  c.on('error', (err) => show('error', err.message));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
