// covers: socket.write, socket.writableLength, socket.bufferSize, socket.writableNeedDrain, socket.writableHighWaterMark, 'drain'
'use strict';
// Writes made while the socket is still connecting queue up, so the buffer
// crosses the 16 KiB high-water mark at a known write: write() returns false
// from the write that reaches it, and 'drain' comes once the queue is flushed.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => {
  let total = 0;
  conn.on('data', (d) => { total += d.length; });
  conn.on('end', () => {
    show('server received', total);
    conn.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  show('hwm', sock.writableHighWaterMark);
  show('before writes', sock.writableLength, sock.bufferSize, sock.writableNeedDrain);
  for (const n of [10000, 6000, 383, 1, 1, 5000]) {
    const ret = sock.write(Buffer.alloc(n, 0x61), () => show('write callback', n));
    show('write', n, ret, sock.writableLength, sock.bufferSize, sock.writableNeedDrain);
  }
  sock.on('connect', () => show('connect', sock.writableLength, sock.writableNeedDrain));
  sock.on('drain', () => {
    show('drain', sock.writableLength, sock.bufferSize, sock.writableNeedDrain);
    show('write after drain', sock.write('z'), sock.writableNeedDrain);
    sock.end();
  });
  sock.on('finish', () => show('finish', sock.writableLength));
  sock.on('close', () => show('close'));
});
