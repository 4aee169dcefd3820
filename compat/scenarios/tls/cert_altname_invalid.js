// covers: ERR_TLS_CERT_ALTNAME_INVALID, servername, checkServerIdentity
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem'}, {ca: 'file:ca.pem', servername: 'other.example'});
