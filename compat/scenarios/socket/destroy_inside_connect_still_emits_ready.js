// covers: Socket.destroy, 'connect', 'ready', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('connect', () => {
    show('connect');
    c.destroy();
    show('destroyed in connect', c.destroyed, c.readyState);
  });
  c.on('connect', () => show('second connect listener'));
  c.on('ready', () => show('ready', c.destroyed));
  c.on('data', (d) => show('data', d));
  c.on('end', () => show('end'));
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
