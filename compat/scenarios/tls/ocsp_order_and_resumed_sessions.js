// covers: 'OCSPRequest' (Server), 'OCSPResponse' (TLSSocket), 'newSession' (Server), 'resumeSession' (Server)
// 'OCSPRequest' comes after 'resumeSession' and before 'newSession' and
// 'secureConnection'. A resumed session sends no certificate: no
// 'OCSPRequest'; the client hears nothing in TLS 1.2 (session id) and an
// 'OCSPResponse' of null in TLS 1.3 (ticket).
const tls = require('tls');
const { cert, sessionStore, sides } = require('../../tls_case');

function run(version, next) {
  const { c, s, report } = sides();
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => { s('secureConnection', sock.isSessionReused()); sock.on('data', (d) => sock.end(d)); });
  server.on('OCSPRequest', (certificate, issuer, callback) => { s('OCSPRequest'); callback(null, Buffer.from('ok')); });
  if (version === 'TLSv1.2') {
    // TLS 1.3 resumes from tickets, which need no store.
    sessionStore(server, s);
  }
  server.listen(0, '127.0.0.1', () => {
    const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost',
      requestOCSP: true };
    if (version === 'TLSv1.2') opts.secureOptions = require('constants').SSL_OP_NO_TICKET;
    const connect = (name, session, then) => {
      const sock = tls.connect(Object.assign({ session }, opts));
      let kept = null;
      sock.on('session', (data) => { kept = data; });
      sock.on('OCSPResponse', (response) => c(name, 'OCSPResponse', response));
      sock.on('secureConnect', () => { c(name, 'secureConnect', sock.isSessionReused()); sock.write('ping'); });
      sock.on('data', () => {});
      sock.on('close', () => then(kept));
    };
    connect('first', undefined, (session) => connect('second', session, () => {
      server.close();
      report(version);
      next();
    }));
  });
}

run('TLSv1.2', () => run('TLSv1.3', () => {}));
