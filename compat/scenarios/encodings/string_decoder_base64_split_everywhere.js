// covers: setEncoding, StringDecoder
'use strict';
// base64 and base64url decoders carry the last 1 or 2 bytes of a chunk to
// the next, so the pieces join into the encoding of the whole stream; end()
// encodes what is left (padded in base64, unpadded in base64url).
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');

const bytes = Buffer.from('fbff00fefd41fc4243ff3e3f', 'hex');
for (const encoding of ['base64', 'base64url']) {
  for (let n = 0; n <= bytes.length; n++) {
    const stream = bytes.subarray(0, n);
    for (let i = 0; i <= n; i++) {
      for (let j = i; j <= n; j++) {
        const d = new StringDecoder(encoding);
        show(encoding, n, i, j, [d.write(stream.subarray(0, i)), d.write(stream.subarray(i, j)),
                                 d.write(stream.subarray(j)), d.end()]);
      }
    }
  }
}
