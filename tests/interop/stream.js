'use strict';
// The deterministic byte stream both sides send, mirrored by test_interop.py.
//
// base(seed): 1 MiB, the concatenation of sha256(u32le(seed) || u32le(j))
// for j = 0 .. 32767. Block i of the stream is base rotated left by
// (i * 65537) mod 1 MiB, so every block differs (a repeated, dropped or
// reordered block changes the hash) while costing one copy to make.
// stream(seed, n) is blocks 0, 1, ... cut to n bytes.

const crypto = require('crypto');

const BLOCK = 1 << 20;
const STRIDE = 65537;

function base(seed) {
  const out = Buffer.allocUnsafe(BLOCK);
  const input = Buffer.alloc(8);
  input.writeUInt32LE(seed >>> 0, 0);
  for (let j = 0; j < BLOCK / 32; j++) {
    input.writeUInt32LE(j, 4);
    crypto.createHash('sha256').update(input).digest().copy(out, j * 32);
  }
  return out;
}

// Yields Buffers: the stream of `n` bytes for `seed`, block by block.
function* blocks(seed, n) {
  if (n <= 0) return;
  const b = base(seed);
  for (let i = 0, left = n; left > 0; i++) {
    const k = (i * STRIDE) % BLOCK;
    const block = Buffer.concat([b.subarray(k), b.subarray(0, k)]);
    const take = Math.min(left, BLOCK);
    yield take === BLOCK ? block : block.subarray(0, take);
    left -= take;
  }
}

function streamDigest(seed, n) {
  const h = crypto.createHash('sha256');
  for (const block of blocks(seed, n)) h.update(block);
  return h.digest('hex');
}

module.exports = { BLOCK, blocks, streamDigest };
