// covers: socket.toArray
'use strict';
// toArray() reads in paused mode: each element is what read() returned, all
// that was buffered (here the peer's one write). Half-open, the socket is
// then destroyed with an AbortError, its writable side still open; not
// half-open, it is destroyed without one. (The events are shown once the
// socket has closed: Node's await resumes before the 'error' that the end
// of the loop causes, gnet's greenlet after it.)
const net = require('net');
const { show } = require('../../trace');

// The server sends its next message when the client acks the last ('+'); here it ends after its only message.
let closed = 0;
const server = net.createServer((conn) => {
  const msgs = ['hello'];
  let i = 0;
  const next = () => (i < msgs.length ? conn.write(msgs[i++]) : conn.end());
  next();
  next();
  conn.on('data', (d) => { for (const ch of String(d)) if (ch === '+') next(); });
  conn.on('error', () => {});
  conn.on('close', () => { if (++closed === 2) server.close(); });
});
async function collect(sock) {
  const events = [];
  sock.on('error', (err) => events.push(err.code));
  const closed = new Promise((resolve) => sock.on('close', (hadError) => resolve(events.push('close ' + hadError))));
  const values = await sock.toArray();
  await closed;
  return [values, events];
}
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  show('half-open', ...await collect(net.connect({ port, host: '127.0.0.1', allowHalfOpen: true })));
  show('plain', ...await collect(net.connect(port, '127.0.0.1')));
});
