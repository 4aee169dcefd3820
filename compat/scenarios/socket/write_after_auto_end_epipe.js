// covers: Socket.write, allowHalfOpen, EPIPE, 'end', 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => {
    show('end', c.writableEnded);
    process.nextTick(() => {
      show('first tick', c.writableEnded);
      process.nextTick(() => {
        show('second tick', c.writableEnded);
        show('write returned', c.write('x', (err) => show('write callback', err, err.message)));
      });
    });
  });
  c.on('finish', () => show('finish'));
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
