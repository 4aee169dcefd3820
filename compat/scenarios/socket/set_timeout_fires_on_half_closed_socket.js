// covers: Socket.setTimeout, 'timeout', Socket.end, allowHalfOpen, Socket.readyState
const net = require('net');
const { show } = require('../../trace');

let serverSocket;
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  serverSocket = s;
  s.resume();
  s.on('end', () => show('server end'));
  s.on('close', () => server.close(() => show('server closed')));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.setTimeout(200);
    c.end();
  });
  c.on('finish', () => show('client finish'));
  c.on('timeout', () => {
    show('timeout while half-closed', c.readyState, c.destroyed);
    c.destroy();
  });
  c.on('close', (hadError) => {
    show('client close', hadError);
    serverSocket.end();
  });
});
