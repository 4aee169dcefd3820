// covers: 'OCSPRequest' (Server), 'OCSPResponse' (TLSSocket)
// A client with requestOCSP asks for a stapled response; the server's
// 'OCSPRequest' listener gets its certificate (DER), the issuer (null: the
// server was given the leaf alone and no ca) and a callback, and the bytes it
// gives reach the client as 'OCSPResponse', before 'secureConnect' (any bytes:
// neither side parses them). TLS 1.3, then TLS 1.2.
const crypto = require('crypto');
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

const der = (name) => new crypto.X509Certificate(cert(name)).raw;

function run(version, next) {
  const { c, s, report } = sides();
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => { s('secureConnection', sock.getProtocol()); sock.end(); });
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    s('OCSPRequest', Buffer.isBuffer(certificate), certificate.equals(der('server-cert.pem')), issuer,
      typeof callback);
    callback(null, Buffer.from('not an OCSP response'));
  });
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    sock.on('OCSPResponse', (response) => c('OCSPResponse', response, sock.secureConnecting));
    sock.on('secureConnect', () => c('secureConnect', sock.secureConnecting));
    sock.on('close', () => {
      server.close();
      report(version);
      next();
    });
    sock.resume();
  });
}

run('TLSv1.3', () => run('TLSv1.2', () => {}));
