// covers: Socket.write, Socket.end, ERR_STREAM_WRITE_AFTER_END, 'error'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end('last');
    show('write returned', c.write('late'));
  });
  c.on('error', (err) => {
    show('error', err);
    show('message', err.message);
    show('errored', c.errored === err);
  });
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
