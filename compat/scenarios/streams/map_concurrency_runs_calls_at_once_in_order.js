// covers: socket.map
'use strict';
// map(fn, {concurrency: 2}) starts fn on the next chunk while an earlier call
// is still running (Node: a pending promise; gnet: a call blocked in its own
// greenlet), and yields the results in the chunks' order.
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['a1', 'b2', 'c3'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 1) server.close(); });
});
server.listen(0, '127.0.0.1', async () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.setEncoding('utf8');
  let releaseFirst;
  const firstMayEnd = new Promise((resolve) => { releaseFirst = resolve; });
  const mapped = sock.map(async (chunk) => {
    show('start', chunk);
    sock.write('+');
    if (chunk === 'a1') await firstMayEnd;
    if (chunk === 'b2') releaseFirst();
    show('end', chunk);
    return chunk.toUpperCase();
  }, { concurrency: 2 });
  show('values', await mapped.toArray());
});
