// covers: net.createServer, 'connection', 'data', 'end', 'finish', 'close', Socket.write
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  show('server connection');
  s.on('data', (d) => {
    show('server data', d);
    show('server write returned', s.write('pong'));
  });
  s.on('end', () => show('server end'));
  s.on('finish', () => show('server finish'));
  s.on('close', (hadError) => {
    show('server close', hadError);
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('ping'));
  c.on('data', () => c.end());
});
