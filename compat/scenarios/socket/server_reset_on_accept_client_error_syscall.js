// covers: Socket.resetAndDestroy, 'connect', 'error', ECONNRESET
const net = require('net');
const { show } = require('../../trace');

// A server that resets a connection in its 'connection' listener does so in
// the loop turn where the client's connect completes, before the client sees
// it: 'error' ECONNRESET from connect, no 'connect'. Reset from an immediate,
// it comes after the client's 'connect': ECONNRESET from read.
const resets = {
  listener: (c) => c.resetAndDestroy(),
  immediate: (c) => setImmediate(() => c.resetAndDestroy()),
};
const names = Object.keys(resets);
let current;
const server = net.createServer((c) => resets[current](c));

function next(index) {
  current = names[index];
  if (current === undefined) {
    server.close();
    return;
  }
  const name = current;
  const client = net.connect(server.address().port, '127.0.0.1');
  client.on('connect', () => show(name, 'connect'));
  client.on('error', (err) => show(name, 'error', err));
  client.on('close', (hadError) => { show(name, 'close', hadError); next(index + 1); });
}
server.listen(0, '127.0.0.1', () => next(0));
