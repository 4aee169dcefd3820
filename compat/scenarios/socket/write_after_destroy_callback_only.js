// covers: Socket.write, Socket.destroy, ERR_STREAM_DESTROYED, 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.on('error', () => {}));
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.destroy();
    const ret = c.write('late', (err) => {
      show('write callback', err);
      show('message', err.message);
    });
    show('write returned', ret);
  });
  c.on('error', (err) => show('error (unexpected)', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    setImmediate(() => server.close(() => show('server closed')));
  });
});
