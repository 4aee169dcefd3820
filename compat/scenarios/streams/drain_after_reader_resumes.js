// covers: socket.write, 'drain', socket.writableNeedDrain, socket.writableLength, pauseOnConnect, socket.resume
'use strict';
// The server accepts with pauseOnConnect and does not read, so the client's
// 1 KiB writes fill the kernel buffers and then the socket's own buffer until
// write() returns false (how many writes that takes is not printed). The
// server then starts reading, and the client gets exactly one 'drain'.
const net = require('net');
const { show } = require('../../trace');

let serverConn;
let received = 0;
const server = net.createServer({ pauseOnConnect: true }, (conn) => {
  serverConn = conn;
  show('server connection, flowing', conn.readableFlowing);
  conn.on('end', () => {
    show('server end');
    conn.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const chunk = Buffer.alloc(1024, 0x62);
  let written = 0;
  let drains = 0;
  const sock = net.connect(server.address().port, '127.0.0.1', () => {
    // The server's 'connection' may not have run yet; wait for it.
    setImmediate(function fill() {
      if (!serverConn) return setImmediate(fill);
      let ret = true;
      while (ret) {
        ret = sock.write(chunk);
        written += chunk.length;
      }
      show('write returned false', sock.writableNeedDrain, sock.writableLength >= sock.writableHighWaterMark);
      serverConn.on('data', (d) => { received += d.length; });
      show('server data listener, flowing', serverConn.readableFlowing);
      serverConn.resume();
      show('server reading, flowing', serverConn.readableFlowing);
    });
  });
  sock.on('drain', () => {
    drains += 1;
    show('drain', drains, sock.writableLength, sock.writableNeedDrain);
    sock.end();
  });
  sock.on('close', () => {
    show('close', 'all received', received === written);
  });
});
