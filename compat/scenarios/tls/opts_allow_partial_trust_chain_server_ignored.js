// covers: allowPartialTrustChain, requestCert, UNABLE_TO_GET_ISSUER_CERT
// A tls.Server does not hand allowPartialTrustChain to its context: a client
// certificate issued by an intermediate the server alone trusts is still
// unauthorized there.
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', ca: 'file:intermediate-ca.pem', requestCert: true,
         rejectUnauthorized: false, allowPartialTrustChain: true},
        {ca: 'file:ca.pem', key: 'file:partial-client-key.pem', cert: 'file:partial-client-chain.pem'});
