// covers: socket.readableEnded, socket.writableEnded, socket.writableFinished, socket.destroyed, socket.readyState, socket.pending, socket.connecting, socket.readable, socket.writable
'use strict';
// The stream flags of a client socket at each stage: new, connecting,
// connected, after end(), at 'finish', at the peer's 'end', and at 'close'.
// The client ends first; the server ends when it sees the client's FIN.
const net = require('net');
const { show } = require('../../trace');

function flags(label, s) {
  show(label, 'readableEnded', s.readableEnded, 'writableEnded', s.writableEnded,
    'writableFinished', s.writableFinished, 'destroyed', s.destroyed);
  show(label, 'readyState', s.readyState, 'pending', s.pending, 'connecting', s.connecting,
    'readable', s.readable, 'writable', s.writable);
}

const server = net.createServer((conn) => {
  conn.on('end', () => conn.end());
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const sock = new net.Socket();
  flags('new', sock);
  sock.connect(server.address().port, '127.0.0.1');
  flags('connecting', sock);
  sock.on('connect', () => {
    flags('connect', sock);
    sock.end();
    flags('after end()', sock);
  });
  sock.on('finish', () => flags('finish', sock));
  sock.on('end', () => flags('end', sock));
  sock.on('close', (hadError) => {
    show('close', hadError);
    flags('close', sock);
  });
});
