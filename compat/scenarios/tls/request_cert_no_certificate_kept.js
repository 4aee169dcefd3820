// covers: requestCert, rejectUnauthorized (server), authorizationError (server)
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', requestCert: true, rejectUnauthorized: false, ca: 'file:ca.pem'}, {ca: 'file:ca.pem'});
