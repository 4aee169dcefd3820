// covers: Socket.end, 'connect', 'finish', 'end', 'close', Socket.readyState
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => show('server got', Buffer.concat(chunks), 'then end'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.end('early', () => show('end callback'));
  show('after end()', c.readyState, c.connecting, c.writableEnded, c.writableFinished);
  c.on('connect', () => show('connect', c.readyState));
  c.on('finish', () => show('finish'));
  c.on('end', () => show('client end'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
