// covers: server.unref, 'connection'
const net = require('net');
const { show } = require('../../trace');

let client;
const server = net.createServer((c) => {
  show('connection');
  client.unref();
  c.on('end', () => show('server socket end'));
  c.on('close', () => show('server socket close'));
  setTimeout(() => {
    show('unref timer fired');
    client.end();
  }, 50).unref();
});
server.listen(0, '127.0.0.1', () => {
  server.unref();
  client = net.connect(server.address().port, '127.0.0.1');
  client.resume();
});
process.on('exit', () => show('exit'));
