// covers: net.createServer, options.allowHalfOpen, 'end'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => {
  c.on('data', (d) => show('server data', d));
  c.on('end', () => show('server end', c.writableEnded));
});
show('allowHalfOpen', server.allowHalfOpen);
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => client.end('ping'));
  client.on('data', (d) => show('client data', d));
  client.on('end', () => show('client end'));
  client.on('close', () => server.close(() => show('closed')));
});
