// covers: pskCallback
// Client and server answer different keys: the handshake goes on until the
// first record either side cannot decrypt. The server fails with OpenSSL's
// error and sends bad_record_mac, which is the client's error.
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
runPskCases([
  ['tls1.2', { ciphers, pskCallback: () => Buffer.alloc(16, 7) },
    { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
]);
