// covers: socket.reduce
'use strict';
// reduce with a signal aborted already destroys the socket at once with an
// AbortError (its cause the signal's reason) and rejects (gnet: raises) with
// it once the socket is finished, without reading.
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
const { once } = require('events');
server.listen(0, '127.0.0.1', async () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  await once(sock, 'connect');
  sock.on('close', (hadError) => show('socket close', hadError));
  const controller = new AbortController();
  controller.abort('enough');
  let thrown;
  sock.on('error', (err) => show('socket error', err, err === thrown));
  try {
    await sock.reduce((acc, chunk) => acc + chunk, '', { signal: controller.signal });
  } catch (err) {
    thrown = err;
    show('reduce', err, err.cause, sock.destroyed, sock.readableDidRead);
  }
});
