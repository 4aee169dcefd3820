// covers: Socket.setTimeout, 'timeout', Socket.destroy, 'end', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.setTimeout(30);
  s.on('timeout', () => {
    show('server timeout');
    s.destroy();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => show('client connect'));
  c.on('data', (d) => show('client data (unexpected)', d));
  c.on('end', () => show('client end'));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
