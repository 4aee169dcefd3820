// covers: socket.find
'use strict';
// find(fn) is the first chunk fn accepts, and undefined (None) when there is
// none: then the whole socket is read.
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
  const found = await sock.find((chunk) => {
    show('fn', chunk);
    sock.write('+');
    return chunk.startsWith('b');
  });
  show('found', found);
  const other = net.connect(server.address().port, '127.0.0.1');
  other.on('close', (hadError) => show('other close', hadError));
  other.setEncoding('utf8');
  show('not found', await other.find((chunk) => {
    other.write('+');
    return chunk === 'zz';
  }));
});
