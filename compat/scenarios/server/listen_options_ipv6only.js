// covers: server.listen(options), options.ipv6Only
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => { show('connection', c.remoteAddress, c.remoteFamily); c.end('hi'); });
server.listen({ port: 0, host: '::', ipv6Only: true }, () => {
  const a = server.address();
  show('callback', a.address, a.family);
  const v4 = net.connect(a.port, '127.0.0.1');
  v4.on('error', (err) => show('ipv4 client error', err));
  v4.on('close', () => {
    const v6 = net.connect(a.port, '::1');
    v6.on('data', (d) => show('ipv6 client data', d));
    v6.on('close', () => server.close(() => show('closed')));
  });
});
