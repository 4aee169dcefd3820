// covers: createServer, secureContext
// A server given a secureContext and its own key and cert serves its own
// (sni.example's), not the context's (localhost's).
const tls = require('tls');
const { runCase, cert } = require('../../tls_case');

const secureContext = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
runCase({ secureContext, key: 'file:sni-key.pem', cert: 'file:sni-cert.pem' },
  { ca: 'file:ca.pem', servername: 'sni.example' }, {
    client: (sock, c) => { c('peer', sock.getPeerCertificate().subject.CN); sock.end(); },
  });
