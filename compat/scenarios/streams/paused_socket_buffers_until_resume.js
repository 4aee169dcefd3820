// covers: socket.pause, socket.resume, socket.readableLength, socket.isPaused, socket.readableEnded, 'data', 'end'
'use strict';
// A socket paused after it started reading keeps taking data from the kernel
// into its buffer (readableLength grows) without emitting 'data', and does not
// emit 'end' for the peer's FIN until it is resumed and the buffer drained.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  conn.write('first');
  conn.once('data', (ack) => {
    show('server got', ack.toString());
    conn.end('second');
  });
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  sock.on('data', (d) => show('data', d.toString(), sock.readableLength));
  sock.on('end', () => show('end', sock.readableEnded));
  sock.on('close', () => show('close'));
  sock.once('data', () => {
    sock.pause();
    show('paused', sock.isPaused(), sock.readableFlowing);
    sock.write('ack');
    setImmediate(function poll() {
      if (sock.readableLength < 6) return setImmediate(poll);
      show('buffered', sock.readableLength, sock.readableEnded, sock.isPaused());
      sock.resume();
      show('resumed', sock.readableFlowing, sock.readableLength);
    });
  });
});
