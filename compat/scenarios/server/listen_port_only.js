// covers: server.listen(port), 'listening', server.address
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => { show('connection'); c.end('hi'); });
server.on('listening', () => {
  const a = server.address();
  show('listening', a.address, a.family, typeof a.port === 'number', a.port > 0);
  const c = net.connect(a.port, '127.0.0.1');
  c.on('data', (d) => show('client data', d));
  c.on('close', () => server.close(() => show('closed')));
});
server.listen(0);
