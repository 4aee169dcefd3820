// covers: server.setSecureContext, requestCert, ca
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

// setSecureContext replaces the context: a 'ca' given before and left out
// now is no longer trusted (the client certificate is not verified), and a
// new 'cert' is served; requestCert stays the server's.
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), ca: cert('ca.pem'),
                                  requestCert: true, rejectUnauthorized: false }, (sock) => {
  show('server secureConnection', sock.authorized, sock.authorizationError);
  sock.end();
});

const steps = [
  ['first', null],
  ['same options', { key: cert('server-key.pem'), cert: cert('server-cert.pem'), ca: cert('ca.pem') }],
  ['without ca', { key: cert('server-key.pem'), cert: cert('server-cert.pem') }],
  ['another cert', { key: cert('sni-key.pem'), cert: cert('sni-cert.pem'), ca: cert('ca.pem') }],
];

function next() {
  const step = steps.shift();
  if (!step) {
    for (const bad of [undefined, 'x']) {
      try { server.setSecureContext(bad); } catch (err) { show('setSecureContext', bad, err.code, err.message); }
    }
    server.close();
    return;
  }
  show('step', step[0]);
  if (step[1]) server.setSecureContext(step[1]);
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
                             key: cert('client-key.pem'), cert: cert('client-cert.pem'),
                             rejectUnauthorized: false }, () => {
    show('client secureConnect', sock.getPeerCertificate().subject.CN, sock.authorizationError);
  });
  sock.resume();
  sock.on('close', () => setImmediate(next));
}

server.listen(0, '127.0.0.1', next);
