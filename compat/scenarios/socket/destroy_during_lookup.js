// covers: net.connect, Socket.destroy, 'lookup', 'connect', 'close'
const net = require('net');
const { show } = require('../../trace');

// 'close' and the (still emitted) 'lookup' race each other, so both are
// recorded and printed in a fixed order once both happened.
const seen = {};
function both() {
  if (!('lookup' in seen) || !('close' in seen)) return;
  show('lookup', ...seen.lookup);
  show('close', seen.close);
  setTimeout(() => server.close(() => show('server closed')), 20);
}
const server = net.createServer((s) => s.on('error', () => {}));
// The server is unref'd so that only the lookup in flight keeps the
// process alive until it answers.
server.unref();
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: 'localhost', family: 4 });
  c.on('lookup', (err, address) => { seen.lookup = [err, address, c.destroyed, c.connecting]; both(); });
  c.on('connect', () => show('connect (unexpected)'));
  c.on('error', (err) => show('error (unexpected)', err));
  c.on('close', (hadError) => { seen.close = hadError; both(); });
  show('connecting', c.connecting);
  c.destroy();
  show('destroyed', c.destroyed, c.connecting);
});
