// covers: Socket.readyState, Socket.pending, Socket.connecting, Socket.destroyed, Socket.readable, Socket.writable, Socket.server
const net = require('net');
const { show } = require('../../trace');

function state(label, s) {
  show(label, s.readyState, 'pending', s.pending, 'connecting', s.connecting,
       'destroyed', s.destroyed, 'readable', s.readable, 'writable', s.writable);
}
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  state('connection', s);
  show('socket.server is server', s.server === server);
  s.resume();
  s.on('end', () => {
    state('end', s);
    s.end();
    state('after end()', s);
  });
  s.on('finish', () => state('finish', s));
  s.on('close', () => {
    state('close', s);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end());
  c.resume();
});
