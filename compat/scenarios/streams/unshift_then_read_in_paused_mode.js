// covers: socket.unshift, socket.read
'use strict';
// In paused mode, what unshift() puts back is what read() returns next (read(n)
// takes from it first), and readableLength counts it.
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
  sock.once('readable', () => {
    const data = sock.read();
    show('read', data.toString());
    show('unshift', sock.unshift(data.subarray(6)), sock.unshift('>'), sock.readableLength);
    show('read(3)', sock.read(3).toString(), sock.readableLength);
    show('read()', sock.read().toString(), sock.readableLength);
    sock.write('++');
    sock.on('readable', () => {
      let chunk;
      while ((chunk = sock.read()) !== null) show('read', chunk.toString());
    });
  });
});
