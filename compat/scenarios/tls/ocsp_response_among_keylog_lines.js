// covers: 'OCSPResponse' (TLSSocket), 'keylog' (TLSSocket)
// 'OCSPResponse' comes where OpenSSL reads it among the key log lines: in
// TLS 1.3 after the server's secrets and before the client's, in TLS 1.2
// before the one line.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

function run(version, next) {
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => sock.end());
  server.on('OCSPRequest', (certificate, issuer, callback) => callback(null, Buffer.from('stapled')));
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    c.on('keylog', (line) => show(version, 'keylog', String(line).split(' ')[0]));
    c.on('OCSPResponse', (response) => show(version, 'OCSPResponse', response));
    c.on('secureConnect', () => show(version, 'secureConnect'));
    c.on('close', () => { server.close(); next(); });
    c.resume();
  });
}

run('TLSv1.3', () => run('TLSv1.2', () => {}));
