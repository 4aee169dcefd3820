// covers: Socket.end, 'finish', 'end', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('finish', () => show('server finish'));
  s.end('from server', (err) => show('server end callback', err));
  show('server end() returned', s.writableEnded);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('data', (d) => show('client data', d));
  c.on('end', () => show('client end'));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
