// covers: socket.reduce
'use strict';
// reduce(fn) of a socket that ends without data rejects (gnet: raises) with
// ERR_MISSING_ARGS and its own message; with an initial value it is that value.
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+').
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = [];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 2) server.close(); });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  try {
    await net.connect(port, '127.0.0.1').reduce((acc, chunk) => acc + chunk);
  } catch (err) {
    show('error', err, err instanceof TypeError, err.message);
  }
  show('with initial', await net.connect(port, '127.0.0.1').reduce((acc, chunk) => acc + chunk, 'x'));
});
