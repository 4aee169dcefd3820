// covers: server.listen(port, host), server.address, IPv6
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => {
  show('server sees', c.remoteAddress, c.remoteFamily, c.localAddress);
  c.end('hi');
});
server.listen(0, '::1', () => {
  const a = server.address();
  show('listening', a.address, a.family);
  const client = net.connect(a.port, '::1');
  client.on('data', (d) => show('client data', d, client.remoteAddress, client.remoteFamily));
  client.on('close', () => server.close(() => show('closed')));
});
