// covers: allowHalfOpen, socket.readableEnded, socket.writableEnded, socket.writableFinished, 'end', 'finish'
'use strict';
// When the server ends first, a default client is still writable inside its
// 'end' listener and ends itself right after; a client with allowHalfOpen
// stays writable until it calls end() itself.
const net = require('net');
const { show } = require('../../trace');

// What the server got is printed once both the server and the last client
// have closed.
const received = [];
const server = net.createServer((conn) => {
  const got = [];
  received.push(got);
  conn.on('data', (d) => got.push(d));
  if (received.length === 2) conn.on('close', () => server.close());
  conn.end('bye');
});
let pending = 2;
function done() {
  pending -= 1;
  if (pending === 0) received.forEach((got, i) => show('server got', i + 1, Buffer.concat(got).toString()));
}
server.on('close', done);

function client(halfOpen, next) {
  const label = halfOpen ? 'half-open' : 'default';
  const sock = net.connect({ port: server.address().port, host: '127.0.0.1', allowHalfOpen: halfOpen });
  sock.resume();
  sock.on('end', () => {
    show(label, 'end', sock.readableEnded, sock.writableEnded, sock.writable);
    process.nextTick(() => show(label, 'tick after end', sock.writableEnded, sock.writable));
    setImmediate(() => {
      show(label, 'turn after end', sock.writableEnded, sock.writable, sock.destroyed);
      if (halfOpen) sock.end('reply');
    });
  });
  sock.on('finish', () => show(label, 'finish', sock.writableFinished));
  sock.on('close', () => {
    show(label, 'close');
    if (next) next();
  });
}

server.listen(0, '127.0.0.1', () => client(false, () => client(true, done)));
