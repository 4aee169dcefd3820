// covers: Socket.write, Socket.writableLength, 'drain'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    show('write 16383 bytes', c.write(Buffer.alloc(16383)), c.writableNeedDrain);
    show('write empty string', c.write(''), c.writableNeedDrain);
    show('write empty buffer', c.write(Buffer.alloc(0)));
    c.end(() => show('end callback', c.writableLength));
  });
  c.on('drain', () => show('drain (unexpected)'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
