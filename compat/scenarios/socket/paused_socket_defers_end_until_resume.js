// covers: Socket.pause, Socket.resume, 'data', 'end', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end('payload'));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.pause();
    setTimeout(() => {
      show('resuming', c.readableEnded, c.readyState);
      c.resume();
    }, 50);
  });
  c.on('data', (d) => show('data', d));
  c.on('end', () => show('end'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
