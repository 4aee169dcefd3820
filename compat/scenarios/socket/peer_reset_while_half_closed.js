// covers: Socket.resetAndDestroy, Socket.end, 'finish', 'error', 'close', ECONNRESET
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.resume();
  s.on('end', () => {
    show('server end');
    s.resetAndDestroy();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true }, () => c.end());
  c.on('finish', () => show('client finish', c.readyState));
  c.on('data', (d) => show('client data (unexpected)', d));
  c.on('end', () => show('client end (unexpected)'));
  c.on('error', (err) => show('client error', err, err.message));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
