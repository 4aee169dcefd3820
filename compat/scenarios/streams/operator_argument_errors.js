// covers: socket.map, socket.filter, socket.flatMap, socket.drop, socket.take, socket.forEach, socket.some, socket.every, socket.find, socket.reduce, socket.toArray
'use strict';
// Bad arguments: a stream-returning operator throws at once; a promise-returning
// one rejects (gnet: both raise). fn that is not a function, options that are
// not an object, a signal that is not an AbortSignal, concurrency below 1 or
// not a number, highWaterMark below 0, a negative count for drop/take. None of
// them reads the socket (connected first, so that its peer sees it close).
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
const ops = {
  'map()': (s) => s.map(),
  'map(1)': (s) => s.map(1),
  'map(fn, 1)': (s) => s.map((x) => x, 1),
  'map(fn, [])': (s) => s.map((x) => x, []),
  'map signal 1': (s) => s.map((x) => x, { signal: 1 }),
  'map concurrency 0': (s) => s.map((x) => x, { concurrency: 0 }),
  'map concurrency a': (s) => s.map((x) => x, { concurrency: 'a' }),
  'map concurrency Infinity': (s) => s.map((x) => x, { concurrency: Infinity }),
  'map highWaterMark -1': (s) => s.map((x) => x, { highWaterMark: -1 }),
  'filter(1)': (s) => s.filter(1),
  'flatMap(undefined)': (s) => s.flatMap(undefined),
  'drop(-1)': (s) => s.drop(-1),
  'take(-0.5)': (s) => s.take(-0.5),
  'take(1, 2)': (s) => s.take(1, 2),
  'forEach(1)': (s) => s.forEach(1),
  'some()': (s) => s.some(),
  'every(1)': (s) => s.every(1),
  'find(1)': (s) => s.find(1),
  'reduce(1)': (s) => s.reduce(1),
  'reduce(fn, 0, 5)': (s) => s.reduce((a) => a, 0, 5),
  'toArray(1)': (s) => s.toArray(1),
  'toArray signal {}': (s) => s.toArray({ signal: {} }),
};
const { once } = require('events');
server.listen(0, '127.0.0.1', async () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  await once(sock, 'connect');
  for (const [name, op] of Object.entries(ops)) {
    try {
      await op(sock);
      show(name, 'ok');
    } catch (err) {
      show(name, err, err.message);
    }
  }
  show('read nothing', sock.readableDidRead, sock.destroyed);
  sock.destroy();
});
