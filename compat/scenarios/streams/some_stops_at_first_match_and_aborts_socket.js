// covers: socket.some
'use strict';
// some(fn) is true as soon as fn accepts a chunk; fn is not called again, and
// the socket, read no further, is destroyed with an AbortError once the next
// chunk arrives (Node's map reads one ahead).
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
  sock.on('error', (err) => show('socket error', err));
  sock.on('close', (hadError) => show('socket close', hadError));
  const found = await sock.some((chunk) => {
    show('fn', chunk);
    sock.write('+');
    return chunk === 'b2';
  });
  show('some', found, sock.destroyed);
});
