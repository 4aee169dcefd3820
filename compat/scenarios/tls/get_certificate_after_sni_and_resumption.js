// covers: getCertificate (TLSSocket), SNICallback (createServer), addContext (Server)
// getCertificate() reads the certificate the connection itself holds
// (OpenSSL's SSL_get_certificate), not the one its first context was made
// with: after an SNICallback or addContext switched a server connection to
// another context, the one SNI chose; on a resumed TLS 1.2 session (no
// SNICallback), the server's own; with two keys, the one the cipher chose;
// a client's, from its secureContext, already before the handshake; {} where
// there is none, null once the socket is closed.
const net = require('net');
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

const sniContext = tls.createSecureContext({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });

// The certificate, told apart by its names and its key's type.
const who = (x) => (x && x.subjectaltname ? [x.subjectaltname, x.modulus ? 'RSA' : 'EC'] : x);

// Two connections one after the other (the second resumes the first's
// session), each side's getCertificate() at each step.
function run(name, serverOpts, clientOpts, addContext, next) {
  const { c, s, report } = sides();
  let closed = 0;
  let proceed = null;
  const closing = () => { if (++closed % 2 === 0) proceed(); };
  const server = tls.createServer(serverOpts, (sock) => {
    s('secureConnection', sock.isSessionReused(), sock.getCipher().name, who(sock.getCertificate()));
    sock.on('close', () => { s('close', who(sock.getCertificate())); closing(); });
    sock.end();
  });
  if (addContext) server.addContext('sni.example', { key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
  server.listen(0, '127.0.0.1', () => {
    const connect = (which, session, then) => {
      const sock = tls.connect(Object.assign({ port: server.address().port, host: '127.0.0.1', session },
        clientOpts()));
      let kept = null;
      c(which, 'connect', who(sock.getCertificate()));
      sock.on('session', (data) => { kept = data; });
      sock.on('secureConnect', () => c(which, 'secureConnect', sock.isSessionReused(), who(sock.getCertificate())));
      sock.on('error', (err) => c(which, 'error', err));
      sock.resume();
      sock.on('close', () => { c(which, 'close', who(sock.getCertificate())); closing(); });
      proceed = () => then(kept);
    };
    connect('first', undefined, (session) => connect('second', session, () => {
      server.close();
      report(name);
      next();
    }));
  });
}

const serverCert = { key: cert('server-key.pem'), cert: cert('server-cert.pem') };
const toSni = () => ({ ca: cert('ca.pem'), servername: 'sni.example', maxVersion: 'TLSv1.2' });

// A server end made by hand: its certificate, its context's, from the start.
function byHand(next) {
  const { c, s, report } = sides();
  let closed = 0;
  const done = () => { if (++closed === 2) { server.close(); report('TLSSocket'); next(); } };
  const server = net.createServer((raw) => {
    const sock = new tls.TLSSocket(raw, { isServer: true, secureContext: tls.createSecureContext(serverCert)})
    s('new', who(sock.getCertificate()));
    sock.on('secure', () => { s('secure', who(sock.getCertificate())); sock.end(); });
    sock.on('error', (err) => s('error', err));
    sock.on('close', () => { s('close', who(sock.getCertificate())); done(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem') });
    sock.on('secureConnect', () => c('secureConnect', sock.authorized));
    sock.on('error', (err) => c('error', err));
    sock.resume();
    sock.on('close', done);
  });
}

run('SNICallback', Object.assign({ SNICallback: (servername, callback) => callback(null, sniContext) }, serverCert),
  toSni, false, () =>
  run('addContext', serverCert, toSni, true, () =>
  run('client certificate', Object.assign({ requestCert: true, ca: cert('ca.pem') }, serverCert),
    () => ({ secureContext: tls.createSecureContext({ key: cert('client-key.pem'), cert: cert('client-cert.pem'),
      ca: cert('ca.pem'), maxVersion: 'TLSv1.2' }) }), false, () =>
  run('two keys, RSA cipher', { key: [cert('server-key.pem'), cert('rsa-server-key.pem')],
    cert: [cert('server-cert.pem'), cert('rsa-server-cert.pem')] },
    () => ({ ca: cert('ca.pem'), maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' }), false, () =>
  run('two keys, ECDSA cipher', { key: [cert('server-key.pem'), cert('rsa-server-key.pem')],
    cert: [cert('server-cert.pem'), cert('rsa-server-cert.pem')] },
    () => ({ ca: cert('ca.pem'), maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' }), false, () =>
  byHand(() => {
    const unconnected = new tls.TLSSocket(null, serverCert);
    console.log('TLSSocket(null)', JSON.stringify(who(new tls.TLSSocket(null).getCertificate())),
      JSON.stringify(who(unconnected.getCertificate())));
    unconnected.destroy();
    console.log('TLSSocket(null) destroyed', JSON.stringify(unconnected.getCertificate()));
  }))))));
