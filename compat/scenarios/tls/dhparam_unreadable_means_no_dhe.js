// covers: dhparam, tlsClientError
// A dhparam that is no PEM DH group is ignored: the server has no DHE, so a
// client offering only a DHE cipher finds none in common.
const { runCase } = require('../../tls_case');

const server = { key: 'file:rsa-server-key.pem', cert: 'file:rsa-server-cert.pem', dhparam: 'garbage',
  maxVersion: 'TLSv1.2' };
runCase(server, { ca: 'file:ca.pem', servername: 'localhost', ciphers: 'DHE-RSA-AES128-GCM-SHA256' });
