// covers: Socket.resetAndDestroy, 'error', 'close', ECONNRESET
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((s) => {
  s.on('data', (d) => {
    show('server data', d);
    show('resetAndDestroy returned same socket', s.resetAndDestroy() === s);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    show('client connect');
    c.write('x');
  });
  c.on('data', (d) => show('client data', d));
  c.on('end', () => show('client end'));
  c.on('error', (err) => {
    show('client error', err);
    show('message', err.message);
    show('errored', c.errored === err, c.destroyed);
  });
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
