// covers: socket.wrap
'use strict';
// new Socket().wrap(client) reads client (any EventEmitter with 'data' and
// 'end') through a socket that never connects: its 'data' is client's, its
// 'end' comes after client's, and client's 'close' destroys it.
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
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  client.setEncoding('utf8');
  const wrapped = new net.Socket();
  show('wrap returns', wrapped.wrap(client) === wrapped, wrapped.readableFlowing);
  wrapped.on('data', (data) => {
    show('data', data, client.readableFlowing);
    client.write('+');
  });
  client.on('end', () => show('client end'));
  wrapped.on('end', () => show('wrapped end', wrapped.pending, wrapped.readable));
  client.on('close', () => show('client close'));
  wrapped.on('close', () => show('wrapped close', wrapped.destroyed));
});
