// covers: allowHalfOpen, 'end', 'finish', 'close', Socket.writable, Socket.readyState
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  show('client allowHalfOpen', c.allowHalfOpen);
  c.on('end', () => show('client end', c.readyState, c.writable, c.writableEnded, c.readable));
  c.on('finish', () => show('client finish', c.readyState));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
