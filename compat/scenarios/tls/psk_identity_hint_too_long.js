// covers: pskIdentityHint, tlsClientError
// OpenSSL takes an identity hint of at most 256 bytes. A longer one is
// accepted by tls.createServer and fails each connection as it is made
// (Node's TLSSocket sets the hint in its constructor): the server's
// 'tlsClientError' is ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED, after
// 'connection', and the client sees the connection end before its
// handshake. Under TLS 1.3, which sends no hint, it fails all the same.
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
const client = { ciphers, maxVersion: 'TLSv1.2', pskCallback: (hint) => ({ psk: KEY, identity: `${hint.length}` }) };
runPskCases([
  ['256 bytes', { ciphers, pskIdentityHint: 'h'.repeat(256), pskCallback: () => KEY }, client],
  ['257 bytes', { ciphers, pskIdentityHint: 'h'.repeat(257), pskCallback: () => KEY }, client],
  ['tls1.3, 257 bytes', { pskIdentityHint: 'h'.repeat(257), pskCallback: () => KEY },
    { pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
]);
