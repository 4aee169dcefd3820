// covers: net.connect, allowHalfOpen, 'end', Socket.readyState, Socket.writable, Socket.end
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.end('bye');
  s.on('data', (d) => show('server data', d));
  s.on('end', () => show('server end'));
  s.on('close', (hadError) => {
    show('server socket close', hadError);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  show('client allowHalfOpen', c.allowHalfOpen);
  c.on('data', (d) => show('client data', d));
  c.on('end', () => {
    show('client end', c.readyState, c.writable, c.readable);
    c.end('after end');
  });
});
