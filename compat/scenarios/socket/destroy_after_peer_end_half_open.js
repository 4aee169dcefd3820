// covers: Socket.destroy, allowHalfOpen, 'end', 'close'
const net = require('net');
const { show } = require('../../trace');

// The server socket's 'close' is printed after the client's, once both
// happened: the order between the two sides is not fixed.
let serverClose;
let closed = 0;
function done() {
  if (++closed < 2) return;
  show('server socket close', serverClose);
  server.close(() => show('server closed'));
}
const server = net.createServer((s) => {
  s.end('bye');
  s.on('close', (hadError) => {
    serverClose = hadError;
    done();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true });
  c.on('data', (d) => show('client data', d));
  c.on('end', () => {
    show('client end', c.readyState);
    c.destroy();
    show('client destroyed', c.destroyed, c.readyState);
  });
  c.on('finish', () => show('client finish'));
  c.on('error', (err) => show('client error', err));
  c.on('close', (hadError) => {
    show('client close', hadError);
    done();
  });
});
