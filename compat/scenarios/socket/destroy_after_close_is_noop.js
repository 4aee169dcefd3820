// covers: Socket.destroy, 'close', 'error'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.resume();
  c.on('error', (err) => show('error', err));
  c.on('close', (hadError) => {
    show('close', hadError);
    show('destroy after close returns socket', c.destroy(new Error('late')) === c);
    setImmediate(() => {
      show('no error, no second close', c.destroyed);
      server.close(() => show('server closed'));
    });
  });
});
