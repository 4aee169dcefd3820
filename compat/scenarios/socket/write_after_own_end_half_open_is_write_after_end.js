// covers: Socket.write, allowHalfOpen, ERR_STREAM_WRITE_AFTER_END, 'finish', 'error'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.resume();
  s.on('end', () => s.end('reply'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true }, () => c.end());
  c.on('data', (d) => show('data', d));
  c.on('end', () => {
    show('end');
    show('write returned', c.write('x', (err) => show('write callback', err)));
  });
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
