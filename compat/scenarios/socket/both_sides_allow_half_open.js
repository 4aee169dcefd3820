// covers: allowHalfOpen, Socket.end, 'end', 'finish', 'close', Socket.readyState
const net = require('net');
const { show } = require('../../trace');

// Each side's events are logged apart and printed once both sockets closed:
// the order between the two sides is not fixed. The server ends with 'two'
// once the client has read 'one', so the two always arrive apart.
const log = { client: [], server: [] };
let serverSide = null;
let closed = 0;
function done() {
  if (++closed < 2) return;
  for (const line of log.client) show('client', ...line);
  for (const line of log.server) show('server', ...line);
  server.close(() => show('server closed'));
}
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  serverSide = s;
  s.resume();
  s.on('end', () => {
    log.server.push(['end', s.readyState]);
    s.write('one', () => log.server.push(['wrote after peer end', s.readyState]));
  });
  s.on('finish', () => log.server.push(['finish', s.readyState]));
  s.on('close', (hadError) => { log.server.push(['close', hadError]); done(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: true }, () => c.end());
  c.on('finish', () => log.client.push(['finish', c.readyState]));
  c.on('data', (d) => {
    log.client.push(['data', d, c.readyState]);
    if (d.toString() === 'one') serverSide.end('two');
  });
  c.on('end', () => log.client.push(['end', c.readyState]));
  c.on('close', (hadError) => { log.client.push(['close', hadError]); done(); });
});
