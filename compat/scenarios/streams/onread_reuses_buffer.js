// covers: options.onread, onread.buffer, onread.callback, 'end'
'use strict';
// With onread, data is read straight into the given 4-byte buffer: the
// callback gets the byte count and that same buffer each time, and no 'data'
// event is emitted. The peer writes 10 bytes once and ends.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  conn.end('abcdefghij');
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const buffer = Buffer.alloc(4);
  const sock = net.connect({
    port: server.address().port,
    host: '127.0.0.1',
    onread: {
      buffer,
      callback(nread, buf) {
        show('onread', nread, buf === buffer, buf.length, buf.toString('latin1', 0, nread));
      },
    },
  });
  sock.on('data', (d) => show('data event', d));
  sock.on('end', () => show('end', sock.readableLength, sock.bytesRead));
  sock.on('close', () => show('close'));
});
