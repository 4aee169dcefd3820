// covers: 'readable', socket.read, socket.readableLength, socket.readableFlowing, 'end'
'use strict';
// Paused mode: with a 'readable' listener the socket is not flowing, and
// read(n) takes exactly n bytes, or null while fewer are buffered and the
// stream has not ended; after the end it returns what is left. The peer writes
// once and ends, so the data arrives as one chunk and the FIN after it.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  conn.end('hello world!');
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  let n = 0;
  sock.on('readable', () => {
    n += 1;
    show('readable', n, sock.readableLength, sock.readableFlowing, sock.readableEnded);
    let chunk;
    while ((chunk = sock.read(5)) !== null) {
      show('read(5)', chunk.toString(), sock.readableLength);
    }
    show('read(5) null', sock.readableLength);
  });
  show('flowing with readable listener', sock.readableFlowing);
  sock.on('end', () => show('end', sock.readableEnded, sock.read()));
  sock.on('close', () => show('close'));
});
