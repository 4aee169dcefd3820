// covers: net.connect, Socket.destroy, Socket.connecting, 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => show('connect callback'));
  c.on('connect', () => show('connect'));
  c.on('ready', () => show('ready'));
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError, c.readyState, c.connecting, c.pending);
    server.close(() => show('server closed'));
  });
  show('connecting', c.connecting, c.pending, c.readyState);
  c.destroy();
  show('after destroy', c.connecting, c.destroyed, c.readyState);
});
