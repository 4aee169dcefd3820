// covers: minDHSize, getEphemeralKeyInfo
// minDHSize equal to the server's DH group (2048 bits) is enough; the
// client's key exchange is DH of that size. (tls.connect's default is 1024.)
const { runCase } = require('../../tls_case');
const { show } = require('../../trace');

const server = {key: 'file:rsa-server-key.pem', cert: 'file:rsa-server-cert.pem', dhparam: 'file:dh2048.pem',
                ciphers: 'DHE-RSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2'};
runCase(server, {ca: 'file:ca.pem', minDHSize: 2048}, {
  client: (sock, c) => { c('ephemeral', sock.getEphemeralKeyInfo(), sock.getCipher().name); sock.end(); },
});
