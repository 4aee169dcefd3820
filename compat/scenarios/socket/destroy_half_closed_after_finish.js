// covers: Socket.destroy, Socket.end, 'finish', 'close'
const net = require('net');
const { show } = require('../../trace');

// Each side's events are logged apart and printed once both sockets closed:
// the order between the two sides is not fixed.
const log = { client: [], server: [] };
let closed = 0;
function done() {
  if (++closed < 2) return;
  for (const line of log.client) show('client', ...line);
  for (const line of log.server) show('server', ...line);
  server.close(() => show('server closed'));
}
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.on('end', () => { log.server.push(['end']); s.end(); });
  s.on('error', (err) => log.server.push(['error', err]));
  s.on('close', (hadError) => { log.server.push(['close', hadError]); done(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.end());
  c.on('finish', () => {
    log.client.push(['finish', c.readyState]);
    c.destroy();
    log.client.push(['destroyed', c.destroyed, c.readyState]);
  });
  c.on('end', () => log.client.push(['end']));
  c.on('error', (err) => log.client.push(['error', err]));
  c.on('close', (hadError) => { log.client.push(['close', hadError]); done(); });
});
