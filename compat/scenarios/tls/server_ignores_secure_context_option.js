// covers: createServer, secureContext
// tls.createServer does not read a secureContext option: a server given only
// one has no certificate, so the handshake fails (and a non-context is not
// looked at).
const tls = require('tls');
const { runCase, cert } = require('../../tls_case');
const { show } = require('../../trace');

const secureContext = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
tls.createServer({ secureContext: 5 });
show('secureContext 5 accepted');
runCase({ secureContext }, { ca: 'file:ca.pem', servername: 'localhost' });
