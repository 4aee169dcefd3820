// covers: pskCallback, tlsClientError
// What a server's pskCallback answers is checked as Node's onPskServerCallback
// checks it: a buffer, or an object whose psk is one (ERR_INVALID_ARG_TYPE
// 'ret' or 'psk'), of at most 512 bytes (ERR_INVALID_ARG_VALUE). A refused
// answer, or an exception from the callback, destroys the connection from
// inside the handshake: the server's 'tlsClientError' is that error, and the
// client, sent nothing more, sees the connection end before its handshake.
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
const client = { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: KEY, identity: 'alice' }) };
const throws = () => { const err = new Error('no key here'); err.code = 'EXAMPLE'; throw err; };
runPskCases([
  ['a string', { ciphers, pskCallback: () => 'secret' }, client],
  ['a number', { ciphers, pskCallback: () => 42 }, client],
  ['a function', { ciphers, pskCallback: () => throws }, client],
  ['an array', { ciphers, pskCallback: () => [KEY] }, client],
  ['psk a string', { ciphers, pskCallback: () => ({ psk: 'secret' }) }, client],
  ['513 bytes', { ciphers, pskCallback: () => Buffer.alloc(513, 1) }, client],
  ['it throws', { ciphers, pskCallback: throws }, client],
  ['tls1.3, it throws', { pskCallback: throws }, { pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
]);
