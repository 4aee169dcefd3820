// covers: socket.pipe, options.end, 'pause', socket.writableEnded, pauseOnConnect
'use strict';
// client -> proxy -> upstream. The proxy pipes the client's socket into its
// upstream socket with {end: false} and the upstream's replies back with the
// default {end: true}. The upstream does not read until the pipe has had to
// pause its source (8 MiB cannot fit in the kernel buffers, so it must). When
// the client ends, the upstream socket is still writable and the proxy adds a
// trailer before ending it itself (the proxy allows half-open sockets, so
// its client's reply can still come back).
const net = require('net');
const crypto = require('crypto');
const { show } = require('../../trace');

const SIZE = 8 * 1024 * 1024;
const payload = Buffer.alloc(SIZE);
for (let i = 0; i < SIZE; i++) payload[i] = (i * 7) % 256;

let upstreamConn = null;
let sourcePaused = false;
function startUpstreamReading() {
  if (upstreamConn && sourcePaused) upstreamConn.resume();
}

const upstream = net.createServer({ pauseOnConnect: true }, (conn) => {
  upstreamConn = conn;
  const hash = crypto.createHash('sha256');
  let total = 0;
  conn.on('data', (d) => { total += d.length; hash.update(d); });
  conn.on('end', () => {
    const digest = hash.digest('hex');
    show('upstream received', total, digest);
    conn.end(`done ${total} ${digest}`);
  });
  conn.on('close', () => upstream.close());
  startUpstreamReading();
});

const proxy = net.createServer({ allowHalfOpen: true }, (clientConn) => {
  const up = net.connect(upstream.address().port, '127.0.0.1');
  clientConn.pipe(up, { end: false });
  up.pipe(clientConn);
  clientConn.once('pause', () => {
    show('proxy source paused', up.writableNeedDrain);
    sourcePaused = true;
    startUpstreamReading();
  });
  clientConn.on('end', () => {
    show('proxy: client ended, upstream writableEnded', up.writableEnded);
    up.end('TRAILER');
  });
  clientConn.on('close', () => proxy.close());
});

upstream.listen(0, '127.0.0.1', () => {
  proxy.listen(0, '127.0.0.1', () => {
    const sock = net.connect(proxy.address().port, '127.0.0.1');
    const reply = [];
    sock.end(payload);
    sock.on('data', (d) => reply.push(d));
    sock.on('end', () => {
      const expected = crypto.createHash('sha256').update(payload).update('TRAILER').digest('hex');
      const text = Buffer.concat(reply).toString();
      show('client got reply', text === `done ${SIZE + 7} ${expected}`);
    });
    sock.on('close', () => show('client close'));
  });
});
