// covers: server.close(callback), 'close', server.listening
const net = require('net');
const { show } = require('../../trace');

let client;
const server = net.createServer((c) => {
  show('connection');
  server.close((err) => show('close callback', err));
  show('listening after close()', server.listening, server.address());
  c.on('end', () => show('server socket end'));
  c.on('close', () => show('server socket close'));
  setTimeout(() => {
    show('client ends');
    client.end();
  }, 30);
});
server.on('close', () => show('close event'));
server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1');
  client.resume();
});
