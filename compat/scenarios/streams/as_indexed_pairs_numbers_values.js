// covers: socket.asIndexedPairs
'use strict';
// asIndexedPairs() (deprecated, still in Node v20) yields [index, value] pairs.
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
process.removeAllListeners('warning');
server.listen(0, '127.0.0.1', async () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.setEncoding('utf8');
  const acked = sock.map((chunk) => { sock.write('+'); return chunk; });
  show('pairs', await acked.asIndexedPairs().toArray());
});
