// covers: pskCallback, tlsClientError
// A pskCallback answering null (or nothing) gives no key. Under TLS 1.2
// OpenSSL fails the handshake: a server without a key for the identity sends
// unknown_psk_identity (its 'tlsClientError' is ERR_SSL_PSK_IDENTITY_NOT_FOUND),
// a client without one fails itself and the server hears a handshake_failure
// alert. Under TLS 1.3 the server goes on without the PSK: with no
// certificate the handshake fails, with one it is a certificate handshake.
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
const client = { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: KEY, identity: 'alice' }) };
runPskCases([
  ['server answers null', { ciphers, pskCallback: () => null }, client],
  ['client answers nothing', { ciphers, pskCallback: () => KEY },
    { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => undefined }],
  ['tls1.3 server answers null, no certificate', { pskCallback: () => null },
    { pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
  ['tls1.3 server answers null, certificate', { key: 'file:server-key.pem', cert: 'file:server-cert.pem',
    pskCallback: () => null }, { ca: 'file:ca.pem', pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
]);
