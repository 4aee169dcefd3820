// covers: socket.take
'use strict';
// take(n) read straight from a socket stops reading it after n chunks and
// destroys it with an AbortError (its peer has more to send).
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
  const first = await sock.take(1).toArray();
  show('take(1)', first, sock.destroyed);
});
