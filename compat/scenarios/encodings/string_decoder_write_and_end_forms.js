// covers: setEncoding, StringDecoder
'use strict';
// The forms write() and end() take: end(buf) writes then flushes; a decoder
// is reusable after end(); a string passes through write() untouched (the
// held bytes stay held); typed arrays and DataViews decode from their bytes;
// anything else is ERR_INVALID_ARG_TYPE. lastNeed/lastTotal follow the held
// character; the default encoding is utf8.
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');

function units(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i).toString(16));
  return out.join('.');
}

let d = new StringDecoder();
show('default', d.encoding);
show('partial', units(d.write(Buffer.from('41e282', 'hex'))), d.lastNeed, d.lastTotal);
show('string', units(d.write('b\u00e9')), d.lastNeed, d.lastTotal);
show('empty', units(d.write(Buffer.alloc(0))), d.lastNeed, d.lastTotal);
show('end with buf', units(d.end(Buffer.from('ac42f09f', 'hex'))), d.lastNeed, d.lastTotal);
show('reused', units(d.write(Buffer.from('c3', 'hex'))), units(d.end(Buffer.from('a9', 'hex'))));
show('end empty', units(d.end()), units(d.end(Buffer.alloc(0))));
show('flush 3 of 4', units(d.write(Buffer.from('f09f98', 'hex'))), units(d.end()));
show('uint16', units(d.write(new Uint16Array([0x4241, 0xa9c3]))));
show('dataview', units(d.write(new DataView(new Uint8Array([0xe2, 0x82, 0xac]).buffer))));
for (const bad of [5, undefined, {}, [1, 2], true]) {
  try {
    d.write(bad);
  } catch (err) {
    show('bad', err, err.message);
  }
}
for (const name of ['base64', 'base64url']) {
  d = new StringDecoder(name);
  show(name, d.write(Buffer.from('fbff', 'hex')), d.lastNeed, d.lastTotal, d.end(), d.lastNeed);
  show(name, d.write(Buffer.from('fb', 'hex')), d.end(Buffer.from('ff00fe', 'hex')));
}
d = new StringDecoder('utf16le');
show('utf16le', units(d.write(Buffer.from('3dd800', 'hex'))), d.lastNeed, d.lastTotal, units(d.end()));
show('utf16le', units(d.write(Buffer.from('3dd8', 'hex'))), d.lastNeed, d.lastTotal, units(d.end()));
show('utf16le', units(d.write(Buffer.from('3dd800', 'hex'))), units(d.write(Buffer.from('de', 'hex'))));
show('utf16le', units(d.write(Buffer.from('3dd8', 'hex'))), units(d.write(Buffer.from('00', 'hex'))),
     d.lastNeed, d.lastTotal, units(d.end()));
