// covers: socket.unshift
'use strict';
// unshift() after 'end' destroys the socket with
// ERR_STREAM_UNSHIFT_AFTER_END_EVENT ('error' then 'close', later) and returns
// false.
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['only'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 1) server.close(); });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.write('+');
  sock.on('data', () => {});
  sock.on('error', (err) => show('error', err, err.message));
  sock.on('close', (hadError) => show('close', hadError));
  sock.on('end', () => {
    show('unshift after end', sock.unshift('x'), sock.destroyed);
  });
});
