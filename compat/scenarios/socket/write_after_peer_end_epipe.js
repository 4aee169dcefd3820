// covers: Socket.write, allowHalfOpen, EPIPE, 'end', 'finish', 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('end', () => show('end', c.writableEnded));
  c.on('finish', () => {
    show('finish', c.writableEnded, c.destroyed);
    const ret = c.write('too late', (err) => {
      show('write callback', err);
      show('message', err.message);
    });
    show('write returned', ret);
  });
  c.on('error', (err) => {
    show('error', err);
    show('error message', err.message);
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
