// covers: server.maxConnections
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => { show('connection'); c.end('hi'); });
server.maxConnections = 0;
server.on('drop', () => show('drop'));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('data', (d) => show('client data', d));
  c.on('close', () => server.close(() => show('closed')));
});
