// covers: net.createServer, allowHalfOpen, 'end', 'finish', 'close', Socket.end
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  show('server allowHalfOpen', s.allowHalfOpen);
  s.on('end', () => {
    show('server end', s.readyState);
    setTimeout(() => {
      show('server still open', s.destroyed, s.readyState);
      s.end();
    }, 20);
  });
  s.on('finish', () => show('server finish'));
  s.on('close', (hadError) => {
    show('server close', hadError);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end());
});
