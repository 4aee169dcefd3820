// covers: net.connect, Socket.destroy, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => show('connect callback'));
  c.on('connect', () => show('connect'));
  c.on('error', (err) => show('error', err, err.message));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
  c.destroy(new TypeError('bad'));
  show('destroy called');
});
