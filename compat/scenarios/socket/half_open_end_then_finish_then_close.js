// covers: Socket.end, 'finish', 'end', 'close', allowHalfOpen
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('end', () => show('server end'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    show('client connect');
    c.end();
    show('client end() returned');
  });
  c.on('finish', () => show('client finish'));
  c.on('end', () => show('client end'));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
