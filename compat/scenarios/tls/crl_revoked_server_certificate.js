// covers: crl, CERT_REVOKED
// A client given the CA's revocation list refuses the revoked server
// certificate; the same list lets an unrevoked one through.
const { runCase } = require('../../tls_case');

runCase({key: 'file:revoked-key.pem', cert: 'file:revoked-cert.pem'}, {ca: 'file:ca.pem', crl: 'file:crl.pem'});
