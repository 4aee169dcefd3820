// covers: Socket.bytesWritten, Socket.write
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  show('before write', c.bytesWritten, c.bytesRead);
  c.write('abc');
  show('after string write', c.bytesWritten);
  c.write(Buffer.from('de'));
  show('after buffer write', c.bytesWritten);
  c.on('connect', () => show('connect', c.bytesWritten));
  c.end(() => show('end callback', c.bytesWritten));
  c.on('close', () => {
    show('close', c.bytesWritten);
    server.close(() => show('server closed'));
  });
});
