// covers: 'OCSPResponse' (TLSSocket)
// A client that does not like the response destroys the socket in its
// 'OCSPResponse' listener: no 'secureConnect' follows. TLS 1.3, then TLS 1.2.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

function run(version, next) {
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => sock.end());
  server.on('OCSPRequest', (certificate, issuer, callback) => callback(null, Buffer.from('revoked')));
  server.on('tlsClientError', () => {});
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    c.on('OCSPResponse', (response) => {
      show(version, 'OCSPResponse', response);
      c.destroy(new Error('certificate revoked'));
    });
    c.on('secureConnect', () => show(version, 'secureConnect'));
    c.on('error', (err) => show(version, 'error', err.message));
    c.on('close', (hadError) => { show(version, 'close', hadError); server.close(); next(); });
  });
}

run('TLSv1.3', () => run('TLSv1.2', () => {}));
