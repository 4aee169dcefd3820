// covers: Socket.connect, Socket.bytesRead, Socket.bytesWritten
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((c) => c.end('hello'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const s = new net.Socket();
  let rounds = 0;
  s.on('connect', () => {
    show('connect', rounds, s.bytesRead, s.bytesWritten);
    s.write('abc');
  });
  s.on('data', () => {});
  s.on('close', () => {
    show('close', rounds, s.bytesRead, s.bytesWritten);
    rounds += 1;
    if (rounds < 2) s.connect(port, '127.0.0.1');
    else server.close(() => show('server closed'));
  });
  s.connect(port, '127.0.0.1');
});
