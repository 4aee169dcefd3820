// covers: allowHalfOpen, 'end', 'finish', 'close', Socket.writable, Socket.readyState
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  show('server allowHalfOpen', s.allowHalfOpen);
  s.on('end', () => show('server end', s.readyState, s.writable, s.writableEnded));
  s.on('finish', () => show('server finish', s.readyState));
  s.on('close', (hadError) => {
    show('server close', hadError);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end());
});
