// covers: Socket.write, Socket.end, 'connect', Socket.pending, Socket.writableLength
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => {
    show('server got', Buffer.concat(chunks));
    server.close(() => show('server closed'));
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.on('connect', () => show('connect', c.pending));
  show('write a', c.write('a', () => show('callback a')));
  show('write b', c.write(Buffer.from('b'), () => show('callback b')));
  show('write c', c.write('63', 'hex', () => show('callback c')));
  show('pending', c.pending, 'writableLength', c.writableLength);
  c.end('d', () => show('end callback'));
});
