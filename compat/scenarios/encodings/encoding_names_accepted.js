// covers: setEncoding, write, StringDecoder, Buffer.isEncoding
'use strict';
// Which encoding names Node accepts, and in which case: Buffer.isEncoding,
// the decoder setEncoding makes (new StringDecoder(name).encoding), and the
// check write(chunk, name) makes (falsy means the default, 'buffer' passes).
const { Writable } = require('stream');
const { StringDecoder } = require('string_decoder');
const { show } = require('../../trace');

const names = ['utf8', 'utf-8', 'UTF-8', 'Utf-8', 'UTF8', 'uTf8', 'latin1', 'LATIN1', 'binary',
  'Binary', 'ascii', 'ASCII', 'Ascii', 'hex', 'HEX', 'hEx', 'base64', 'BASE64', 'Base64',
  'base64url', 'BASE64URL', 'base64Url', 'utf16le', 'UTF16LE', 'Utf16le', 'utf-16le', 'UTF-16LE',
  'ucs2', 'UCS2', 'Ucs2', 'ucs-2', 'UCS-2', 'uCs-2', 'buffer', 'BUFFER', '', 'utf16', 'utf-16',
  'utf-16be', 'latin-1', 'iso-8859-1', 'us-ascii', 'base-64', 'b64', 'ucs-4', 'utf32', ' utf8',
  'utf8 ', 'utf_8', 'UTF\u2010\u0038', '\u212Aascii', null, 5, 0, true, false, [], {}];
const w = new Writable({ decodeStrings: false, write(chunk, encoding, cb) { cb(); } });
for (const name of names) {
  let decoder;
  try {
    decoder = new StringDecoder(name).encoding;
  } catch (err) {
    decoder = [err, err.message];
  }
  let write = 'ok';
  try {
    w.write('x', name);
  } catch (err) {
    write = [err, err.message];
  }
  show(JSON.stringify(name), Buffer.isEncoding(name), decoder, write);
}
