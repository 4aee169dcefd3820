// covers: setEncoding, StringDecoder
'use strict';
// hex, latin1 and ascii decoders keep nothing back: every chunk decodes
// alone. latin1 maps each byte to the same code point; ascii clears the high
// bit (0xe9 is 'i'), where a strict decoder would fail.
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');

function units(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
  return out.join('.');
}

const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const bytes = Buffer.from('00417f80c3a9e9ff', 'hex');
for (const encoding of ['hex', 'latin1', 'binary', 'ascii']) {
  show(encoding, 'all', units(new StringDecoder(encoding).write(all)));
  for (let i = 0; i <= bytes.length; i++) {
    const d = new StringDecoder(encoding);
    show(encoding, i, [units(d.write(bytes.subarray(0, i))), units(d.write(bytes.subarray(i))),
                       units(d.end()), d.lastNeed, d.lastTotal]);
  }
}
