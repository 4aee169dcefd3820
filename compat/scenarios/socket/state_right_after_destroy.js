// covers: Socket.destroy, Socket.readyState, Socket.pending, Socket.connecting, Socket.destroyed, Socket.readable, Socket.writable
const net = require('net');
const { show } = require('../../trace');

function state(label, c) {
  show(label, c.readyState, 'pending', c.pending, 'connecting', c.connecting,
       'destroyed', c.destroyed, 'readable', c.readable, 'writable', c.writable,
       'readableEnded', c.readableEnded, 'writableEnded', c.writableEnded);
}
const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    state('open', c);
    c.destroy();
    state('after destroy()', c);
  });
  c.on('close', () => {
    state('close', c);
    server.close(() => show('server closed'));
  });
});
