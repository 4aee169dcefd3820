// covers: 'OCSPRequest' (Server)
// 'OCSPRequest''s certificate is the one the handshake uses (SNI's, from
// addContext or SNICallback), its issuer the certificate that issued it when
// the server knows it: in the chain given as cert, or among its ca; else null.
const crypto = require('crypto');
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const der = (name) => new crypto.X509Certificate(cert(name)).raw;
const key = cert('server-key.pem');
const sni = { key: cert('sni-key.pem'), cert: cert('sni-cert.pem') };
const cases = [
  ['leaf alone', { key, cert: cert('server-cert.pem') }, 'localhost'],
  ['chain', { key, cert: cert('server-chain.pem') }, 'localhost'],
  ['ca', { key, cert: cert('server-cert.pem'), ca: cert('ca.pem') }, 'localhost'],
  ['addContext', { key, cert: cert('server-cert.pem') }, 'sni.example', (server) => server.addContext('sni.example', sni)],
  ['addContext ca', { key, cert: cert('server-cert.pem') }, 'sni.example',
    (server) => server.addContext('sni.example', Object.assign({ ca: cert('ca.pem') }, sni))],
  ['SNICallback', {
    key, cert: cert('server-cert.pem'),
    SNICallback: (name, cb) => { show('SNICallback', name); cb(null, tls.createSecureContext(sni)); },
  }, 'sni.example'],
  ['SNICallback no context', {
    key, cert: cert('server-cert.pem'), ca: cert('ca.pem'),
    SNICallback: (name, cb) => { show('SNICallback', name); cb(null, null); },
  }, 'sni.example'],
];

function run(i) {
  if (i === cases.length) return;
  const [name, opts, servername, setup] = cases[i];
  const server = tls.createServer(opts, (sock) => sock.end());
  if (setup) setup(server);
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    show(name, 'OCSPRequest', 'server', certificate.equals(der('server-cert.pem')),
      'sni', certificate.equals(der('sni-cert.pem')), 'issuer', issuer && issuer.equals(der('ca.pem')));
    callback(null, null);
  });
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername,
      requestOCSP: true });
    c.on('secureConnect', () => show(name, 'secureConnect', c.authorized));
    c.on('error', (err) => show(name, 'error', err));
    c.on('close', () => { server.close(); run(i + 1); });
    c.resume();
  });
}

run(0);
