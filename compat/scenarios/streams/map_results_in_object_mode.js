// covers: socket.map, socket.toArray, socket.readableObjectMode
'use strict';
// map(fn) returns a Readable in object mode (highWaterMark 1) of fn's results,
// in order; fn gets each chunk. The server sends its next message only when
// the client acks the last one ('+'), so each arrives as a chunk of its own.
// Read to the end, the map's stream ends and closes, and the socket (not
// half-open) is destroyed without error.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  const msgs = ['a1', 'b2', 'c3'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', async () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.setEncoding('utf8');
  sock.on('end', () => show('socket end'));
  sock.on('close', (hadError) => show('socket close', hadError));
  const mapped = sock.map((chunk) => {
    show('fn', chunk);
    sock.write('+');
    return chunk.toUpperCase();
  });
  show('result', mapped.readableObjectMode, mapped.readableHighWaterMark, sock.readableObjectMode);
  mapped.on('end', () => show('mapped end'));
  mapped.on('close', () => show('mapped close'));
  const values = await mapped.toArray();
  show('values', values, sock.destroyed);
});
