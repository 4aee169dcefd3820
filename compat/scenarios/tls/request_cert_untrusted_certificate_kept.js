// covers: requestCert, authorizationError (server)
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', requestCert: true, rejectUnauthorized: false, ca: 'file:other-ca.pem'}, {ca: 'file:ca.pem', key: 'file:client-key.pem', cert: 'file:client-cert.pem'});
