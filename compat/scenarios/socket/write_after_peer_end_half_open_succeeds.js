// covers: Socket.write, allowHalfOpen, 'end', 'close'
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.end();
  s.on('data', (d) => show('server data', d));
  s.on('end', () => {
    show('server end');
    s.on('close', (hadError) => {
      show('server socket close', hadError);
      server.close(() => show('server closed'));
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  c.resume();
  c.on('end', () => {
    setImmediate(() => {
      show('write after end returned', c.write('still ok', (err) => {
        show('write callback', err);
        c.end();
      }));
    });
  });
  c.on('error', (err) => show('error', err));
});
