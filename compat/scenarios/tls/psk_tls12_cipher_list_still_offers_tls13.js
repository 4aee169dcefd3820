// covers: ciphers, pskCallback
// A cipher list naming no TLS 1.3 suite leaves TLS 1.3 on in Node v20, with
// OpenSSL's default TLS 1.3 suites: PSK-AES128-GCM-SHA256 on both sides is
// a TLS 1.3 PSK connection, and a certificate server's list of TLS 1.2
// ciphers still negotiates TLS 1.3. Only TLS 1.3 suites make TLS 1.3 the minimum.
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
runPskCases([
  ['psk cipher list', { ciphers, pskCallback: () => KEY },
    { ciphers, pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
  ['certificate, tls1.2 cipher list', { key: 'file:server-key.pem', cert: 'file:server-cert.pem',
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' }, { ca: 'file:ca.pem', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' }],
  ['tls1.3 suites only against tls1.2', { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => KEY },
    { ciphers: 'TLS_AES_128_GCM_SHA256', pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
]);
