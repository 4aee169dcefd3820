// covers: pskCallback, pskIdentityHint, getCipher, getPeerCertificate, getCertificate, authorized
// TLS 1.2 with a PSK cipher and no certificate: the client's pskCallback gets
// the server's identity hint, the server's gets (tlsSocket, identity). No
// certificate either way: the client is authorized (its checkServerIdentity
// accepts), the server's side is not (it asked for none). A client that
// allows TLS 1.3 is asked first, with no hint, for its ClientHello. An ECDHE
// PSK cipher has an ephemeral key; a plain PSK one none.
const { runPskCases, KEY } = require('../../psk_case');

const ciphers = 'PSK-AES128-GCM-SHA256';
runPskCases([
  ['tls1.2 only', { ciphers, pskIdentityHint: 'gnet hint', pskCallback: () => KEY },
    { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
  ['client allows tls1.3', { ciphers, maxVersion: 'TLSv1.2', pskIdentityHint: 'gnet hint', pskCallback: () => KEY },
    { ciphers, pskCallback: () => ({ psk: KEY, identity: 'alice' }) }],
  ['no hint, key in an object', { ciphers, pskCallback: () => ({ psk: new Uint8Array(KEY) }) },
    { ciphers, maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: KEY, identity: 'bob' }) }],
  ['ECDHE-PSK', { ciphers: 'ECDHE-PSK-AES128-CBC-SHA256', pskCallback: () => KEY }, { ciphers:
    'ECDHE-PSK-AES128-CBC-SHA256', maxVersion: 'TLSv1.2', pskCallback: () => ({ psk: KEY, identity: 'carol' }) }],
]);
