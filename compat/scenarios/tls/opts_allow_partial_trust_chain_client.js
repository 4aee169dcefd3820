// covers: allowPartialTrustChain, UNABLE_TO_GET_ISSUER_CERT
// A client that trusts only the intermediate CA of the server's chain: the
// chain does not reach a root, unless allowPartialTrustChain (any truthy
// value) lets the intermediate be enough.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('partial-server-key.pem'), cert: cert('partial-server-chain.pem') },
                                (sock) => sock.end());
const cases = [
  { ca: cert('intermediate-ca.pem') },
  { ca: cert('intermediate-ca.pem'), allowPartialTrustChain: true },
  { ca: cert('intermediate-ca.pem'), allowPartialTrustChain: 1 },
  { ca: cert('intermediate-ca.pem'), allowPartialTrustChain: 0 },
  { ca: cert('other-ca.pem'), allowPartialTrustChain: true },
  { secureContext: tls.createSecureContext({ ca: cert('intermediate-ca.pem'), allowPartialTrustChain: true }) },
  { ca: cert('intermediate-ca.pem'), allowPartialTrustChain: true, rejectUnauthorized: false, servername: 'example.com' },
];
const next = (i) => {
  if (i === cases.length) return server.close();
  const sock = tls.connect(Object.assign({ port: server.address().port, host: '127.0.0.1' }, cases[i]));
  sock.on('secureConnect', () => show(i, 'secureConnect', sock.authorized, sock.authorizationError));
  sock.on('error', (e) => show(i, 'error', e, e.message));
  sock.on('close', () => next(i + 1));
  sock.resume();
};
server.listen(0, '127.0.0.1', () => next(0));
