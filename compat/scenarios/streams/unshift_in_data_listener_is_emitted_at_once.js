// covers: socket.unshift, 'data'
'use strict';
// In flowing mode with nothing buffered, unshift() inside a 'data' listener
// emits the chunk as 'data' at once, before unshift() returns (true: below the
// high-water mark).
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['hello world', 'more'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 1) server.close(); });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.on('end', () => show('end'));
  sock.on('close', (hadError) => show('close', hadError));
  let n = 0;
  sock.on('data', (data) => {
    n += 1;
    show('data', data.toString(), sock.readableLength);
    if (n === 1) {
      show('unshift', sock.unshift(data.subarray(6)), sock.readableLength);
      sock.write('+');
    }
    if (n === 2) sock.write('+');
  });
});
