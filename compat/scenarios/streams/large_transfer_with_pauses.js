// covers: socket.write, 'drain', socket.pause, socket.resume, 'data', 'end'
'use strict';
// 5 MiB from server to client. The server writes 64 KiB slices and waits for
// 'drain' whenever write() returns false; the client pauses after every chunk
// and resumes on the next turn of the loop. Only totals and a sha256 are printed.
const net = require('net');
const crypto = require('crypto');
const { show } = require('../../trace');

const SIZE = 5 * 1024 * 1024;
const data = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) data[i] = i % 251;
const SLICE = 64 * 1024;

const server = net.createServer((conn) => {
  let offset = 0;
  let drains = 0;
  let falses = 0;
  function pump() {
    while (offset < SIZE) {
      const ok = conn.write(data.subarray(offset, offset + SLICE));
      offset += SLICE;
      if (!ok) {
        falses += 1;
        conn.once('drain', () => { drains += 1; pump(); });
        return;
      }
    }
    show('server wrote all', offset, 'every false write got a drain', falses === drains, falses > 0);
    conn.end();
  }
  pump();
  conn.on('close', () => server.close());
});
server.listen(0, '127.0.0.1', () => {
  const sock = net.connect(server.address().port, '127.0.0.1');
  const hash = crypto.createHash('sha256');
  let total = 0;
  let pauses = 0;
  let dataWhilePaused = 0;
  sock.on('data', (chunk) => {
    if (sock.isPaused()) dataWhilePaused += 1;
    total += chunk.length;
    hash.update(chunk);
    sock.pause();
    pauses += 1;
    setImmediate(() => sock.resume());
  });
  sock.on('end', () => {
    show('client end', total, hash.digest('hex'));
    show('paused', pauses > 0, 'data while paused', dataWhilePaused);
  });
  sock.on('close', (hadError) => show('client close', hadError));
});
