// covers: Socket.readyState, Socket.pending, Socket.connecting, Socket.destroyed, Socket.readable, Socket.writable
const net = require('net');
const { show } = require('../../trace');

function state(label, c) {
  show(label, c.readyState, 'pending', c.pending, 'connecting', c.connecting,
       'destroyed', c.destroyed, 'readable', c.readable, 'writable', c.writable);
}
const server = net.createServer((s) => {
  s.resume();
  s.on('end', () => setTimeout(() => s.end(), 10));
});
server.listen(0, '127.0.0.1', () => {
  const c = new net.Socket();
  state('new', c);
  c.connect(server.address().port, '127.0.0.1');
  state('after connect()', c);
  c.on('connect', () => {
    state('connect', c);
    c.end();
    state('after end()', c);
  });
  c.on('finish', () => state('finish', c));
  c.on('end', () => state('end', c));
  c.on('close', (hadError) => {
    state('close', c);
    server.close(() => show('server closed'));
  });
});
