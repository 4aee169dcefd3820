// covers: socket.map
'use strict';
// fn throwing destroys the map's stream with that error ('error', then
// 'close'), and toArray rejects (gnet: raises) with it. The socket is read no
// further, and destroyed with an AbortError when its next chunk comes.
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
  const mapped = sock.map((chunk) => {
    show('fn', chunk);
    sock.write('+');
    if (chunk === 'b2') throw new RangeError('bad chunk');
    return chunk;
  });
  mapped.on('error', (err) => show('mapped error', err, err.message));
  mapped.on('close', () => show('mapped close'));
  try {
    await mapped.toArray();
  } catch (err) {
    show('toArray', err, err.message, mapped.destroyed, sock.destroyed);
  }
});
