// covers: 'OCSPRequest' (Server), 'OCSPResponse' (TLSSocket)
// The 'OCSPRequest' callback called later, from a timer: the handshake waits
// for it, and the response it gives is stapled. TLS 1.3, then TLS 1.2.
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

function run(version, next) {
  const { c, s, report } = sides();
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => { s('secureConnection'); sock.end(); });
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    s('OCSPRequest');
    setTimeout(() => { s('callback'); callback(null, Buffer.from('later')); }, 30);
  });
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    sock.on('OCSPResponse', (response) => c('OCSPResponse', response));
    sock.on('secureConnect', () => c('secureConnect'));
    sock.on('close', () => {
      server.close();
      report(version);
      next();
    });
    sock.resume();
  });
}

run('TLSv1.3', () => run('TLSv1.2', () => {}));
