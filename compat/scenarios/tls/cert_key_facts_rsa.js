// covers: getPeerCertificate
// An RSA certificate's key facts: modulus, bits, exponent and pubkey (the
// SubjectPublicKeyInfo DER); the keys come in Node's order.
const { runCase } = require('../../tls_case');

runCase({ key: 'file:rsa-server-key.pem', cert: 'file:rsa-server-cert.pem' }, { ca: 'file:ca.pem', servername: 'localhost' }, {
  client: (sock, c) => {
    const cert = sock.getPeerCertificate();
    c('keys', Object.keys(cert).join(','));
    for (const name of ['bits', 'pubkey', 'asn1Curve', 'nistCurve', 'modulus', 'exponent']) c(name, cert[name]);
    sock.end();
  },
});
