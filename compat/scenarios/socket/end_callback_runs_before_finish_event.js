// covers: Socket.end, 'finish', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end('data', (err) => show('end callback', err, c.writableFinished));
    show('after end()', c.writableEnded, c.writableFinished);
  });
  c.on('finish', () => show('finish event'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
