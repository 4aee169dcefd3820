// covers: Socket.write, Socket.resetAndDestroy, 'error', 'close', ECONNRESET
const net = require('net');
const { show } = require('../../trace');

// The client fills the kernel's buffers and gnet's queue; then the server,
// which never reads, resets. The client's read sees the reset first; the
// write still queued completes, without error, after 'error' and before 'close'.
let accepted = null;
let client = null;
let waiting = 2;
const writes = [];

function flood() {
  const chunk = Buffer.alloc(65536, 119);
  let i = 0;
  for (;;) {
    const n = i++;
    writes.push('pending');
    if (!client.write(chunk, (err) => {
      writes[n] = err;
      if (n === writes.length - 1) show('last write callback', err);
    })) break;
  }
  show('client queued', client.writableLength > 0);
  accepted.resetAndDestroy();
}

const server = net.createServer((s) => {
  accepted = s;
  s.pause();
  s.on('close', (hadError) => show('server close', hadError));
  if (--waiting === 0) flood();
});
server.listen(0, '127.0.0.1', () => {
  client = net.connect(server.address().port, '127.0.0.1', () => {
    if (--waiting === 0) flood();
  });
  client.on('error', (err) => {
    show('client error', err, err.message);
    show('still queued', client.writableLength > 0, 'destroyed', client.destroyed);
  });
  client.on('close', (hadError) => {
    show('client close', hadError);
    show('every write callback ran once, without error', writes.every((w) => w === null));
    server.close(() => show('server closed'));
  });
});
