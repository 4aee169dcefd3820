// covers: Socket.write, Socket.end, ERR_STREAM_WRITE_AFTER_END, 'error', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end();
    const ret = c.write('late', (err) => show('write callback', err, c.destroyed));
    show('write returned', ret);
    show('destroyed right after', c.destroyed);
  });
  c.on('error', (err) => show('error', err));
  c.on('finish', () => show('finish'));
  c.on('close', (hadError) => {
    show('close', hadError);
    server.close(() => show('server closed'));
  });
});
