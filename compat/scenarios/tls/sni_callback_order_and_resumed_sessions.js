// covers: SNICallback (createServer), 'resumeSession' (Server), 'OCSPRequest' (Server), 'newSession' (Server)
// SNICallback runs where the certificate is chosen: after 'resumeSession',
// before 'OCSPRequest', 'newSession' and 'secureConnection', and only on a
// full handshake: a resumed session (TLS 1.2 session id or ticket, TLS 1.3
// ticket) sends no certificate, so the callback is not called.
const tls = require('tls');
const { cert, sessionStore, sides } = require('../../tls_case');

const sniContext = tls.createSecureContext({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });

function run(name, version, tickets, next) {
  const { c, s, report } = sides();
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version,
    SNICallback: (servername, callback) => { s('SNICallback', servername); callback(null, sniContext); } },
  (sock) => {
    s('secureConnection', sock.isSessionReused(), sock.servername);
    sock.on('data', (d) => sock.end(d));
  });
  server.on('OCSPRequest', (certificate, issuer, callback) => { s('OCSPRequest'); callback(null, Buffer.from('ok')); });
  if (!tickets) {
    sessionStore(server, s);
  }
  server.listen(0, '127.0.0.1', () => {
    const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'sni.example',
      requestOCSP: true };
    if (!tickets) opts.secureOptions = require('constants').SSL_OP_NO_TICKET;
    const connect = (which, session, then) => {
      const sock = tls.connect(Object.assign({ session }, opts));
      let kept = null;
      sock.on('session', (data) => { kept = data; });
      sock.on('OCSPResponse', (response) => c(which, 'OCSPResponse', response));
      sock.on('secureConnect', () => {
        c(which, 'secureConnect', sock.isSessionReused(), sock.authorized,
          sock.isSessionReused() ? '' : sock.getPeerCertificate().subjectaltname);
        sock.write('ping');
      });
      sock.on('error', (err) => c(which, 'error', err));
      sock.on('data', () => {});
      sock.on('close', () => then(kept));
    };
    connect('first', undefined, (session) => connect('second', session, () => {
      server.close();
      report(name);
      next();
    }));
  });
}

run('TLSv1.2 session id', 'TLSv1.2', false, () => run('TLSv1.2 ticket', 'TLSv1.2', true,
  () => run('TLSv1.3 ticket', 'TLSv1.3', true, () => {})));
