// covers: TLSSocket server option, 'resumeSession' (Server), 'newSession' (Server), 'OCSPRequest' (Server)
// A server-side TLSSocket made by hand with {server: tlsServer} (a tls.Server
// that never listens) emits that server's 'resumeSession', 'newSession' and
// 'OCSPRequest', in a tls.Server connection's order; 'OCSPRequest' gets the
// tls.Server's own certificate, not the one the socket serves. Neither the
// server's addContext contexts nor 'secureConnection' take part, and the
// socket's 'server' is the option.
const net = require('net');
const tls = require('tls');
const crypto = require('crypto');
const { cert, sides } = require('../../tls_case');

const der = (name) => new crypto.X509Certificate(cert(name)).raw;
const which = (b) => (b === null ? null : b.equals(der('server-cert.pem')) ? 'server-cert'
  : b.equals(der('sni-cert.pem')) ? 'sni-cert' : 'other');

function run(version, then) {
  const { c, s, report } = sides();
  const context = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
  const tlsServer = tls.createServer({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
  tlsServer.addContext('localhost', { key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
  const store = new Map();
  // Each connection goes on once both of its sides have closed.
  let closed = 0;
  let afterClose = null;
  const closedOne = () => { if (++closed % 2 === 0) afterClose(); };
  tlsServer.on('newSession', (id, data, cb) => { s('newSession'); store.set(id.toString('hex'), data); cb(); });
  tlsServer.on('resumeSession', (id, cb) => { s('resumeSession'); cb(null, store.get(id.toString('hex')) || null); });
  tlsServer.on('OCSPRequest', (certificate, issuer, cb) => {
    s('OCSPRequest', which(certificate), issuer);
    cb(null, Buffer.from('ok'));
  });
  tlsServer.on('secureConnection', () => s('secureConnection'));
  tlsServer.on('tlsClientError', (err) => s('tlsClientError', err));
  const server = net.createServer((raw) => {
    const sock = new tls.TLSSocket(raw, { isServer: true, server: tlsServer, secureContext: context });
    s('server option', sock.server === tlsServer);
    sock.on('secure', () => s('secure', sock.isSessionReused(), sock.getCertificate().subject.CN));
    sock.on('data', (d) => sock.end(d));
    sock.on('error', (err) => s('error', err));
    sock.on('close', () => { s('close'); closedOne(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost',
      requestOCSP: true, maxVersion: version };
    if (version === 'TLSv1.2') opts.secureOptions = require('constants').SSL_OP_NO_TICKET;
    const connect = (name, session, next) => {
      const sock = tls.connect(Object.assign({ session }, opts));
      let kept = null;
      sock.on('session', (data) => { kept = data; });
      sock.on('OCSPResponse', (response) => c(name, 'OCSPResponse', response));
      sock.on('secureConnect', () => {
        c(name, 'secureConnect', sock.isSessionReused(), sock.isSessionReused() || sock.getPeerCertificate().subject.CN);
        sock.write('ping');
      });
      sock.on('data', () => {});
      sock.on('error', (err) => c(name, 'error', err));
      afterClose = () => next(kept);
      sock.on('close', closedOne);
    };
    connect('first', undefined, (session) => connect('second', session, () => {
      server.close();
      report(version);
      then();
    }));
  });
}

run('TLSv1.2', () => run('TLSv1.3', () => {}));
