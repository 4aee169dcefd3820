// covers: socket.flatMap
'use strict';
// flatMap(fn) yields the items of each iterable fn returns: an array's
// elements, a string's characters.
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
  const flat = sock.flatMap((chunk) => {
    sock.write('+');
    return chunk === 'b2' ? chunk : [chunk, chunk.length];
  });
  show('values', await flat.toArray(), flat.readableObjectMode);
});
