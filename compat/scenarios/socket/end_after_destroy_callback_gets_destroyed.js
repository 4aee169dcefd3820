// covers: Socket.end, Socket.destroy, ERR_STREAM_DESTROYED
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.destroy();
    c.end((err) => show('end callback', err, err && err.message));
    c.end('data', (err) => show('end with data callback', err));
    show('end() calls done');
  });
  c.on('error', (err) => show('error (unexpected)', err));
  c.on('finish', () => show('finish (unexpected)'));
  c.on('close', (hadError) => {
    show('close', hadError);
    setImmediate(() => server.close(() => show('server closed')));
  });
});
