// covers: pskCallback, isSessionReused, getEphemeralKeyInfo, checkServerIdentity
// TLS 1.3 PSK with Node's default ciphers (no PSK cipher named): the client's
// pskCallback gets no hint (TLS 1.3 has none) and is asked once, for its
// ClientHello, before 'connect'. A TLS 1.3 PSK is a resumption to OpenSSL:
// isSessionReused() is true on both sides, and tls.checkServerIdentity, which
// would refuse a connection without a certificate, is not called. OpenSSL
// ties a TLS 1.3 PSK to SHA-256: with only a SHA-384 suite it is not used.
const tls = require('tls');
const { runPskCases, KEY } = require('../../psk_case');

runPskCases([
  ['default ciphers', { pskCallback: () => KEY },
    { pskCallback: () => ({ psk: KEY, identity: 'alice' }), checkServerIdentity: tls.checkServerIdentity }],
  ['TLS_AES_128_GCM_SHA256', { ciphers: 'TLS_AES_128_GCM_SHA256', pskCallback: () => KEY },
    { ciphers: 'TLS_AES_128_GCM_SHA256', pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
  ['TLS_AES_256_GCM_SHA384 only', { ciphers: 'TLS_AES_256_GCM_SHA384', pskCallback: () => KEY },
    { ciphers: 'TLS_AES_256_GCM_SHA384', pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
]);
