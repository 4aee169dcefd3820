// covers: Socket.resetAndDestroy, 'data', 'error', 'close', ECONNRESET
const net = require('net');
const { show } = require('../../trace');

// The server sends more than the kernel's buffers hold; at the client's first
// 'data' it resets. The client has some of the data, then the read's ECONNRESET.
const TOTAL = 8 * 1024 * 1024;
let accepted = null;
const server = net.createServer((s) => {
  accepted = s;
  s.on('close', (hadError) => show('server close', hadError));
  const chunk = Buffer.alloc(65536, 98);
  let sent = 0;
  while (sent < TOTAL && s.write(chunk)) sent += chunk.length;
  show('server queued', s.writableLength > 0);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = 0;
  c.on('data', (d) => {
    if (got === 0) {
      show('client first data');
      accepted.resetAndDestroy();
    }
    got += d.length;
  });
  c.on('end', () => show('client end (unexpected)'));
  c.on('error', (err) => show('client error', err, err.message, 'got some, not all:', got > 0 && got < TOTAL));
  c.on('close', (hadError) => {
    show('client close', hadError);
    server.close(() => show('server closed'));
  });
});
