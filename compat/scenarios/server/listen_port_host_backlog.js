// covers: server.listen(port, host, backlog)
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => { show('connection', c.remoteAddress); c.end('hi'); });
server.on('listening', () => {
  const a = server.address();
  show('listening', a.address, a.family);
  const c = net.connect(a.port, '127.0.0.1');
  c.on('data', (d) => show('client data', d));
  c.on('close', () => server.close(() => show('closed')));
});
show('returns server', server.listen(0, '127.0.0.1', 5) === server);
