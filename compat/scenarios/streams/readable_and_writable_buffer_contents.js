// covers: socket.readableBuffer, socket.writableBuffer, socket.readableObjectMode, socket.writableObjectMode
'use strict';
// readableBuffer is what is buffered, unread, chunk by chunk (strings after
// setEncoding); writableBuffer the writes waiting behind the one in progress
// (here: behind the first, while connecting), each {chunk, encoding, callback}.
// A socket is in byte mode on both sides.
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['hello', 'world'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 1) server.close(); });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  show('object mode', sock.readableObjectMode, sock.writableObjectMode);
  show('empty', sock.readableBuffer, sock.writableBuffer);
  sock.write(Buffer.from('a'));
  sock.write(Buffer.from('b'));
  function written() {}
  sock.write(Buffer.from('c'), written);
  show('writableBuffer', sock.writableBuffer.map((w) => [w.chunk, w.encoding, w.callback === written]),
       sock.writableLength);
  sock.on('connect', () => show('at connect', sock.writableBuffer));
  sock.once('readable', () => {
    show('readableBuffer', sock.readableBuffer, sock.readableLength);
    sock.read(2);
    show('after read(2)', sock.readableBuffer);
    sock.write('+');
    sock.once('readable', () => {
      show('two chunks', sock.readableBuffer);
      sock.setEncoding('utf8');
      show('after setEncoding', sock.readableBuffer);
      sock.destroy();
    });
  });
});
