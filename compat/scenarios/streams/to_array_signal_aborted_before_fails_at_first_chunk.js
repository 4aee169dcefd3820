// covers: socket.toArray
'use strict';
// toArray({signal}) with a signal aborted already: the first chunk fails it
// with an AbortError whose cause is the signal's reason; the socket is
// destroyed with an AbortError.
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
  sock.on('error', (err) => show('socket error', err));
  sock.on('close', (hadError) => show('socket close', hadError));
  const controller = new AbortController();
  controller.abort('enough');
  try {
    await sock.toArray({ signal: controller.signal });
  } catch (err) {
    show('toArray', err, err.name, err.cause);
  }
});
