// covers: setEncoding, StringDecoder
'use strict';
// A utf16le stream with surrogate pairs, a lone high and a lone low surrogate,
// cut into three chunks at every pair of places. A surrogate pair stays whole,
// except where Node hands out a high surrogate alone: a chunk of odd length
// whose last full code unit is one. end() drops a lone trailing byte.
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');

function units(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
  return out.join('.');
}

for (const text of ['A\ud83d\ude00\u00e9\ud83dB\ude00\ud800\udc00', 'x\ud83d']) {
  for (const extra of [[], [0x41]]) {
    const bytes = Buffer.concat([Buffer.from(text, 'utf16le'), Buffer.from(extra)]);
    show('bytes', bytes);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j++) {
        const d = new StringDecoder('ucs2');
        show(i, j, [units(d.write(bytes.subarray(0, i))), units(d.write(bytes.subarray(i, j))),
                    units(d.write(bytes.subarray(j))), units(d.end())]);
      }
    }
  }
}
