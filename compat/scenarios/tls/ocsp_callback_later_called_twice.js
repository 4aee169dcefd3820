// covers: 'OCSPRequest' (Server)
// A callback called later goes on with the handshake before it returns: the
// server's flight is out when a second call (ERR_MULTIPLE_CALLBACK) destroys
// the socket. A TLS 1.3 client has all it needs and connects; a TLS 1.2
// client still waits for the server's Finished.
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

function run(version, next) {
  const { c, s, report } = sides();
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    () => s('secureConnection'));
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    s('OCSPRequest');
    setTimeout(() => {
      callback(null, Buffer.from('first'));
      callback(null, Buffer.from('second'));
    }, 20);
  });
  server.on('tlsClientError', (err, sock) => s('tlsClientError', err, sock.destroyed));
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    sock.on('OCSPResponse', (response) => c('OCSPResponse', response));
    sock.on('secureConnect', () => c('secureConnect'));
    sock.on('error', (err) => c('error', err));
    sock.on('close', () => {
      server.close();
      report(version);
      next();
    });
    sock.resume();
  });
}

run('TLSv1.3', () => run('TLSv1.2', () => {}));
