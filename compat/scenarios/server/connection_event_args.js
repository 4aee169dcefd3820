// covers: 'connection', socket.server, socket.remoteAddress, socket.localPort
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer();
server.on('connection', (...args) => {
  const c = args[0];
  show('args', args.length, c instanceof net.Socket, c.server === server);
  show('remote', c.remoteAddress, c.remoteFamily, typeof c.remotePort === 'number');
  show('local', c.localAddress, c.localPort === server.address().port);
  show('state', c.readyState, c.destroyed);
  c.end('hi');
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('data', (d) => show('client data', d));
  client.on('close', () => server.close(() => show('closed')));
});
