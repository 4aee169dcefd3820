// covers: setEncoding, StringDecoder
'use strict';
// A UTF-8 stream of 1-, 2-, 3- and 4-byte characters cut into three chunks
// at every pair of places: no character is ever split between pieces.
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');

function units(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
  return out.join('.');
}

const bytes = Buffer.from('a\u00e9\u20ac\ud83d\ude00z\u4e2d\u07ff\ud800\udc00', 'utf8');
show('bytes', bytes);
for (let i = 0; i <= bytes.length; i++) {
  for (let j = i; j <= bytes.length; j++) {
    const d = new StringDecoder('utf8');
    show(i, j, [units(d.write(bytes.subarray(0, i))), units(d.write(bytes.subarray(i, j))),
                units(d.write(bytes.subarray(j))), units(d.end())]);
  }
}
