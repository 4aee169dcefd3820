// covers: requestCert, authorized (server)
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', requestCert: true, ca: 'file:ca.pem'}, {ca: 'file:ca.pem', key: 'file:client-key.pem', cert: 'file:client-cert.pem'});
