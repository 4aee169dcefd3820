// covers: socket.reduce
'use strict';
// reduce(fn) starts from the first chunk, reduce(fn, initial) from initial; fn
// gets the accumulator, the chunk and {signal}. A map() in front acks each
// chunk, so each arrives on its own. The signal fn got is aborted once reduce
// is done.
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
  conn.on('close', () => { if (++closed === 3) server.close(); });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const acked = (sock) => {
    sock.setEncoding('utf8');
    return sock.map((chunk) => { sock.write('+'); return chunk; });
  };
  let seen;
  const first = await acked(net.connect(port, '127.0.0.1')).reduce((acc, chunk, { signal }) => {
    show('fn', acc, chunk, signal.aborted);
    seen = signal;
    return acc + chunk;
  });
  show('without initial', first, seen.aborted);
  const second = await acked(net.connect(port, '127.0.0.1')).reduce((acc, chunk) => {
    show('fn', acc, chunk);
    return acc + chunk;
  }, '>');
  show('with initial', second);
  show('initial undefined', await acked(net.connect(port, '127.0.0.1')).reduce((acc, chunk) => {
    return acc === undefined ? chunk : acc + chunk;
  }, undefined));
});
