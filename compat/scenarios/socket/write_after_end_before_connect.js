// covers: Socket.write, Socket.end, ERR_STREAM_WRITE_AFTER_END, 'error', 'close', 'connect'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('error', () => {});
  s.resume();
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => show('connect'));
  c.end('first');
  show('write returned', c.write('second', (err) => show('write callback', err)));
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
