// covers: getPeerCertificate
// An EC certificate's key facts: pubkey is the point alone (04...), with bits,
// asn1Curve and nistCurve; the keys come in Node's order.
const { runCase } = require('../../tls_case');

runCase({ key: 'file:server-key.pem', cert: 'file:server-cert.pem' }, { ca: 'file:ca.pem', servername: 'localhost' }, {
  client: (sock, c) => {
    const cert = sock.getPeerCertificate();
    c('keys', Object.keys(cert).join(','));
    for (const name of ['bits', 'pubkey', 'asn1Curve', 'nistCurve', 'modulus', 'exponent']) c(name, cert[name]);
    sock.end();
  },
});
