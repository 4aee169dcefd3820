// covers: net.connect, 'lookup', 'connect', 'ready'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: 'localhost', family: 4 });
  c.on('lookup', (err, address, family, host) => show('lookup', err, address, family, host));
  c.on('connect', () => show('connect', c.remoteAddress, c.remoteFamily));
  c.on('ready', () => show('ready'));
  c.resume();
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
  show('connecting', c.connecting);
});
