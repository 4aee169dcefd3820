// covers: minVersion, maxVersion, ERR_SSL_*, 'tlsClientError'
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', minVersion: 'TLSv1.3'}, {ca: 'file:ca.pem', maxVersion: 'TLSv1.2'});
