// covers: CERT_HAS_EXPIRED
const { runCase } = require('../../tls_case');

runCase({key: 'file:expired-key.pem', cert: 'file:expired-cert.pem'}, {ca: 'file:ca.pem'});
