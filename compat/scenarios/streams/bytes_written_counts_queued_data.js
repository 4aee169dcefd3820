// covers: socket.bytesWritten, socket.bytesRead, socket.bufferSize, socket.writableLength
'use strict';
// bytesWritten includes data still queued (written while connecting, before
// it reached the kernel), counted in bytes of the encoded string; bytesRead
// counts what arrived. Both stay readable after 'close'.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  let n = 0;
  conn.on('data', (d) => { n += d.length; });
  conn.on('end', () => {
    show('server bytesRead', conn.bytesRead, n);
    conn.end('0123456789');
  });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  show('before writes', sock.bytesWritten, sock.bytesRead);
  sock.write('abc');
  sock.write('\u20ac\u20ac');
  sock.write('ff00', 'hex');
  sock.write(Buffer.alloc(100));
  show('queued while connecting', sock.connecting, sock.bytesWritten, sock.writableLength, sock.bufferSize);
  sock.on('connect', () => show('connect', sock.bytesWritten));
  sock.end('!');
  show('after end', sock.bytesWritten);
  sock.resume();
  sock.on('finish', () => show('finish', sock.bytesWritten, sock.writableLength));
  sock.on('end', () => show('end', sock.bytesRead));
  sock.on('close', () => {
    show('close', sock.bytesWritten, sock.bytesRead);
    server.close();
  });
});
