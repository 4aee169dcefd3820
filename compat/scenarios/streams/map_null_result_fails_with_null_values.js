// covers: socket.map
'use strict';
// A result of null ends nothing: the map's stream is destroyed with
// ERR_STREAM_NULL_VALUES (gnet: fn returning None).
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
  sock.on('close', (hadError) => show('socket close', hadError));
  const mapped = sock.map((chunk) => {
    sock.write('+');
    return chunk === 'b2' ? null : chunk;
  });
  try {
    for await (const value of mapped) show('value', value);
  } catch (err) {
    show('error', err, err.message);
  }
});
