// covers: net.createServer, allowHalfOpen, 'end', Socket.readyState, Socket.writable, Socket.end
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.on('end', () => {
    show('server end', s.readyState, s.writable, s.readable);
    s.end('late');
    show('server end() done', s.readyState, s.writable);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end());
  c.on('finish', () => show('client finish', c.readyState));
  c.on('data', (d) => show('client data', d));
  c.on('end', () => show('client end'));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
