// covers: server.listen(options, callback), options.port, options.host, options.backlog
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => { show('connection', c.remoteAddress); c.end('hi'); });
server.listen({ port: 0, host: '127.0.0.1', backlog: 5 }, () => {
  const a = server.address();
  show('callback', a.address, a.family);
  const c = net.connect(a.port, '127.0.0.1');
  c.on('data', (d) => show('client data', d));
  c.on('close', () => server.close(() => show('closed')));
});
