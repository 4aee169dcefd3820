// covers: socket.unshift
'use strict';
// unshift() of a value that is no string or buffer returns false and destroys
// the socket with ERR_INVALID_ARG_TYPE (emitted, not thrown). One that fills
// the buffer past the high-water mark is taken and returns false.
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
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const big = net.connect(port, '127.0.0.1');
  big.once('readable', () => {
    show('big', big.unshift(Buffer.alloc(20000)), big.readableLength, big.readableHighWaterMark);
    big.destroy();
    const bad = net.connect(port, '127.0.0.1');
    bad.on('error', (err) => show('bad error', err, err.message));
    bad.on('close', (hadError) => show('bad close', hadError));
    bad.once('readable', () => {
      show('bad', bad.unshift(123), bad.destroyed, bad.readableLength);
    });
  });
});
