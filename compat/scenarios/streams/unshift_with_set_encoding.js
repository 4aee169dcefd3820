// covers: socket.unshift, socket.setEncoding
'use strict';
// After setEncoding, a string unshifted in that encoding is buffered as it is;
// one in another encoding is converted to it (Buffer.from(s, enc).toString());
// a Buffer is buffered as it is, and read() joins the buffer as JavaScript
// strings join (a Buffer reads as UTF-8). readableLength adds up each chunk's
// length. Empty chunks change nothing.
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['hello world'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 2) server.close(); });
});
function check(port, encodings) {
  const encoding = encodings.shift();
  const sock = net.connect(port, '127.0.0.1');
  sock.setEncoding(encoding);
  sock.once('readable', () => {
    show(encoding, 'read', sock.read());
    show('abc', sock.unshift('abc'), sock.readableLength);
    show('Buffer XY', sock.unshift(Buffer.from('XY')), sock.readableLength);
    show('6869 hex', sock.unshift('6869', 'hex'), sock.readableLength);
    show('empty', sock.unshift(''), sock.unshift(Buffer.alloc(0)), sock.readableLength);
    show('readableBuffer', sock.readableBuffer);
    show('read()', sock.read(), sock.readableLength);
    sock.destroy();
    if (encodings.length) check(port, encodings);
  });
}
server.listen(0, '127.0.0.1', () => check(server.address().port, ['utf8', 'hex']));
