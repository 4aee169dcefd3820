// covers: Socket.end, ERR_STREAM_WRITE_AFTER_END, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end();
    c.end('more', (err) => show('second end callback', err));
    show('second end() returned');
  });
  c.on('error', (err) => show('error', err, err.message));
  c.on('finish', () => show('finish event'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
