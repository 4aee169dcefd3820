// covers: socket.writableBuffer
'use strict';
// A string written while a write is in progress waits in writableBuffer as
// the string with its encoding in Node; gnet has encoded it already (bytes,
// 'buffer'): a known difference (compat/DIFFERENCES.md).
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['hello'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 1) server.close(); });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.write('first');
  sock.write('ab', 'latin1');
  show('writableBuffer', sock.writableBuffer.map((w) => [w.chunk, w.encoding]));
  sock.destroy();
  server.close();
});
