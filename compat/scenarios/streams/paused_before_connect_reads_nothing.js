// covers: socket.pause, socket.resume, socket.readableLength, socket.isPaused, 'connect'
'use strict';
// A client paused before it connects does not start reading at 'connect': the
// server's data stays in the kernel (readableLength stays 0) until resume().
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  conn.end('early data');
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.pause();
  show('paused before connect', sock.isPaused(), sock.readableFlowing);
  sock.on('data', (d) => show('data', d.toString()));
  show('data listener does not resume', sock.readableFlowing);
  sock.on('connect', () => {
    show('connect', sock.readableLength);
    setImmediate(function wait(turns = 0) {
      if (turns < 10) return setImmediate(wait, turns + 1);
      show('still nothing read', sock.readableLength, sock.bytesRead, sock.readableEnded);
      sock.resume();
    });
  });
  sock.on('end', () => show('end', sock.bytesRead));
  sock.on('close', () => show('close'));
});
