// covers: net.connect, 'connect', 'ready', Socket.connect
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('end', () => server.close(() => show('server closed'))));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => show('connect callback'));
  c.on('ready', () => {
    show('ready listener');
    c.end();
  });
  c.on('connect', () => show('connect listener 1'));
  c.once('connect', () => show('connect once listener'));
  c.prependListener('connect', () => show('connect prepended'));
  show('connect returned');
});
