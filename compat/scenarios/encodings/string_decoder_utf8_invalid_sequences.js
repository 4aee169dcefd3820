// covers: setEncoding, StringDecoder
'use strict';
// Invalid and truncated UTF-8 (overlong forms, surrogates, past U+10FFFF,
// five- and six-byte forms, lone continuation bytes) become as many U+FFFD as
// in Node, whether the bytes come in one chunk, split at any one place, or one
// byte at a time; buf.toString('utf8') agrees with the one-chunk decoding.
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');
const sequences = require('./utf8_sequences.json');

function units(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
  return out.join('.');
}

for (const hex of sequences) {
  const bytes = Buffer.from(hex, 'hex');
  show(hex, 'toString', units(bytes.toString('utf8')));
  let d = new StringDecoder('utf8');
  show(hex, 'whole', [units(d.write(bytes)), units(d.end())]);
  for (let i = 0; i <= bytes.length; i++) {
    d = new StringDecoder('utf8');
    show(hex, 'split', i, [units(d.write(bytes.subarray(0, i))), units(d.write(bytes.subarray(i))),
                           units(d.end())]);
  }
  d = new StringDecoder('utf8');
  const pieces = [];
  for (let i = 0; i < bytes.length; i++) pieces.push(units(d.write(bytes.subarray(i, i + 1))));
  pieces.push(units(d.end()));
  show(hex, 'bytewise', pieces);
}
