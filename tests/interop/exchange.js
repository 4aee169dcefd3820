'use strict';
// The exchange of tls_peer.js and psk_peer.js, the Node side of
// tests/tlshelpers.py's exchange(): `say` prints one JSON line on stdout, and
// exchange(sock, seed, size) sends `size` bytes of pattern(seed) and hashes
// what arrives, then says {"done": {received, sha256}} at the peer's end.
// Both sides are half-open, so each ends after its own send whenever the other does.
const crypto = require('crypto');

const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

function pattern(seed) {
  const block = Buffer.alloc(65536);
  for (let i = 0; i < block.length; i++) block[i] = (i * 7 + seed) & 0xff;
  return block;
}

function exchange(sock, seed, size) {
  const hash = crypto.createHash('sha256');
  let received = 0;
  sock.on('data', (d) => { hash.update(d); received += d.length; });
  sock.on('end', () => say({ done: { received, sha256: hash.digest('hex') } }));
  const block = pattern(seed);
  let sent = 0;
  function pump() {
    while (sent < size) {
      const n = Math.min(block.length, size - sent);
      sent += n;
      if (!sock.write(n === block.length ? block : block.subarray(0, n))) {
        sock.once('drain', pump);
        return;
      }
    }
    sock.end();
  }
  pump();
}

module.exports = { say, pattern, exchange };
