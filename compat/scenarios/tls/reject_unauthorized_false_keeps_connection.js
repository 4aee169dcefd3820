// covers: rejectUnauthorized, authorizationError
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem'}, {rejectUnauthorized: false});
