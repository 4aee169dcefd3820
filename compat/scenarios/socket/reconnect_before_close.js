// covers: Socket.connect, Socket.destroy, 'close', Socket.connecting, Socket.destroyed
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => c.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = net.connect(port, '127.0.0.1');
  let connects = 0;
  client.on('connect', () => {
    connects += 1;
    show('connect', connects, client.readyState, client.destroyed);
    if (connects === 1) {
      client.destroy();
      show('destroyed', client.destroyed, client.readyState, client.pending);
      client.connect(port, '127.0.0.1');
      show('connect again', client.destroyed, client.readyState, client.connecting, client.pending);
    } else {
      client.destroy();
      server.close(() => show('server closed'));
    }
  });
  client.on('close', (hadError) => {
    show('close', hadError, client.readyState, client.destroyed, client.connecting);
  });
});
