// covers: socket.drop, socket.take
'use strict';
// drop(n) skips the first n values, take(n) stops after n: take's source is
// then read no further. A map() in front acks each chunk, so the third chunk
// still comes and the socket ends normally. The next connection waits for the
// last one's 'close'.
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
const { once } = require('events');
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const acked = (sock) => {
    sock.setEncoding('utf8');
    sock.on('close', (hadError) => show('socket close', hadError));
    return sock.map((chunk) => { show('fn', chunk); sock.write('+'); return chunk; });
  };
  show('drop(1)', await acked(net.connect(port, '127.0.0.1')).drop(1).toArray());
  const sock = net.connect(port, '127.0.0.1');
  const closed = once(sock, 'close');
  const taken = acked(sock).take(2);
  show('take(2)', await taken.toArray(), taken.readableObjectMode);
  await closed;
  show('drop(\'x\') drops none', await acked(net.connect(port, '127.0.0.1')).drop('x').toArray());
});
