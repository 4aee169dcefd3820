// covers: dhparam, getEphemeralKeyInfo
// A server with dhparam: 'auto' serves a DHE cipher with a group as strong as
// its 2048-bit RSA key.
const { runCase } = require('../../tls_case');

const server = { key: 'file:rsa-server-key.pem', cert: 'file:rsa-server-cert.pem', dhparam: 'auto',
  maxVersion: 'TLSv1.2' };
runCase(server, { ca: 'file:ca.pem', servername: 'localhost', ciphers: 'DHE-RSA-AES128-GCM-SHA256' }, {
  client: (sock, c) => { c('ephemeral', sock.getEphemeralKeyInfo(), sock.getCipher().name); sock.end(); },
});
