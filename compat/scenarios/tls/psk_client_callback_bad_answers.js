// covers: pskCallback
// What a client's pskCallback answers is checked as Node's onPskClientCallback
// checks it: an object (ERR_INVALID_ARG_TYPE 'ret'), whose psk is a buffer of
// at most 512 bytes and whose identity is a string of at most 256 bytes in
// UTF-8 (ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE). A refused answer, or an
// exception from the callback, is the client's error: Node destroys the socket
// with it from inside the handshake and the server hears the connection hang
// up. Asked for a TLS 1.3 ClientHello, that is inside the first 'connect'
// listener: the user's still run (the socket already destroyed).
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
const server = { ciphers, pskCallback: () => KEY };
const answers = [
  ['a string', () => 'alice'],
  ['an array', () => [KEY, 'alice']],
  ['psk a string', () => ({ psk: 'secret', identity: 'alice' })],
  ['no psk', () => ({ identity: 'alice' })],
  ['psk 513 bytes', () => ({ psk: Buffer.alloc(513, 1), identity: 'alice' })],
  ['identity a number', () => ({ psk: KEY, identity: 42 })],
  ['identity 257 bytes', () => ({ psk: KEY, identity: 'a'.repeat(257) })],
  ['identity 129 characters, 258 bytes', () => ({ psk: KEY, identity: '\u00e9'.repeat(129) })],
  ['it throws', () => { const err = new Error('no key here'); err.code = 'EXAMPLE'; throw err; }],
];
const cases = [];
for (const [label, answer] of answers) cases.push([label, server, { ciphers, pskCallback: answer }]);
cases.push(['tls1.2, it throws', server, { ciphers, maxVersion: 'TLSv1.2', pskCallback: answers[8][1] }]);
const long = Buffer.alloc(512, 1);
cases.push(['512 and 256 bytes are not too long', { ciphers, pskCallback: () => long }, { ciphers,
  maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: long, identity: 'a'.repeat(256) }) }]);
runPskCases(cases);
