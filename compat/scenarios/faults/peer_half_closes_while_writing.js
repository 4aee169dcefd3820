// covers: Socket.end, Socket.write, 'end', 'finish', 'drain', allowHalfOpen
const net = require('net');
const { show } = require('../../trace');

// The server writes 4 MiB to a client that ends its side at once and reads
// only after its 'finish'. ALLOW_HALF_OPEN false: the peer's FIN ends the
// server's side too, after what it had written ('drain' never comes, so it
// writes no more); true: the server writes everything, then ends. Either way
// the client reads exactly the bytes the server wrote.
const ALLOW_HALF_OPEN = false;
const TOTAL = 4 * 1024 * 1024;
const log = { client: [], server: [] };
let closed = 0;
let got = 0;
let written = 0;
let wroteAll = false;

function done() {
  if (++closed < 2) return;
  for (const line of log.client) show('client', ...line);
  for (const line of log.server) show('server', ...line);
  show('client read all the server wrote', got === written, 'all', got === TOTAL, 'server wrote all', wroteAll);
  server.close(() => show('server closed'));
}

const server = net.createServer({ allowHalfOpen: ALLOW_HALF_OPEN }, (s) => {
  const chunk = Buffer.alloc(65536, 104);
  let sent = 0;
  function more() {
    while (sent < TOTAL) {
      sent += chunk.length;
      if (!s.write(chunk)) {
        s.once('drain', more);
        return;
      }
    }
    wroteAll = true;
    s.end();
  }
  more();
  // Half-open, the server may have written everything before it reads the FIN.
  s.on('end', () => log.server.push(ALLOW_HALF_OPEN ? ['end'] : ['end', 'still queued', s.writableLength > 0]));
  s.on('finish', () => { written = s.bytesWritten; log.server.push(['finish']); });
  s.on('error', (err) => log.server.push(['error', err]));
  s.on('close', (hadError) => { log.server.push(['close', hadError]); done(); });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.pause();
  c.on('connect', () => c.end());
  c.on('finish', () => { log.client.push(['finish']); c.resume(); });
  c.on('data', (d) => { got += d.length; });
  c.on('end', () => log.client.push(['end']));
  c.on('error', (err) => log.client.push(['error', err]));
  c.on('close', (hadError) => { log.client.push(['close', hadError]); done(); });
});
