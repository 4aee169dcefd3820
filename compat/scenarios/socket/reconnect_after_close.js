// covers: Socket.connect, 'connect', 'close', Socket.readyState
const net = require('net');
const { show } = require('../../trace');

let served = 0;
const server = net.createServer((c) => {
  served += 1;
  c.end('round ' + served);
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = new net.Socket();
  let rounds = 0;
  client.on('connect', () => show('connect', client.readyState, client.destroyed));
  client.on('data', (d) => show('data', d.toString()));
  client.on('end', () => show('end'));
  client.on('close', (hadError) => {
    rounds += 1;
    show('close', hadError, client.readyState, client.destroyed);
    if (rounds === 1) {
      show('connect again', client.connect(port, '127.0.0.1') === client, client.connecting);
    } else {
      server.close(() => show('server closed'));
    }
  });
  client.connect(port, '127.0.0.1');
});
