// covers: Socket.resetAndDestroy, 'connect', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => show('connect callback', c.destroyed));
  c.resetAndDestroy();
  show('after resetAndDestroy', c.destroyed, c.connecting);
  c.on('connect', () => show('connect listener added later', c.destroyed));
  c.on('ready', () => show('ready', c.destroyed));
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
