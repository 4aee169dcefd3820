// covers: Socket.readyState, allowHalfOpen, Socket.end
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.resume();
  s.on('end', () => {
    show('server after peer end', s.readyState);
    setTimeout(() => s.end('x'), 10);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true }, () => {
    show('client open', c.readyState);
    c.end();
    show('client after own end()', c.readyState);
  });
  c.on('finish', () => show('client finish', c.readyState));
  c.on('data', (d) => show('client data', d, c.readyState));
  c.on('end', () => show('client end', c.readyState));
  c.on('close', () => {
    show('client close', c.readyState);
    server.close(() => show('server closed'));
  });
});
