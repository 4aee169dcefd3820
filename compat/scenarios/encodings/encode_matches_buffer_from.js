// covers: write, end, Buffer.from
'use strict';
// socket.write(string, encoding) and socket.end(string, encoding) send the
// bytes of Buffer.from(string, encoding): each encoding, in several of the
// spellings Node accepts, over a table of tricky strings (lone surrogates,
// astral characters, junk in hex and base64, code units past 0xFF).
const { show } = require('../../trace');
const strings = require('./tricky_strings.json');

const names = ['utf8', 'UTF-8', 'utf16le', 'utf-16le', 'ucs2', 'UCS-2', 'latin1', 'binary',
  'ascii', 'hex', 'HEX', 'base64', 'base64url', 'Base64URL'];
for (const name of names) {
  strings.forEach((s, i) => show(name, i, Buffer.from(s, name)));
}
