// covers: getPeerCertificate (TLSSocket)
// A client's resumed session (TLS 1.2 and 1.3, from 'session'): Node reads
// the peer's certificate from the chain OpenSSL received, and a resumed
// handshake receives none: getPeerCertificate() is {} (detailed too), while
// authorized stays true. The first, full handshake has the certificate.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

const show = (...a) => console.log(a.map(fmt).join(' '));
const versions = ['TLSv1.2', 'TLSv1.3'];

function round(version, done) {
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => sock.end('x'));
  server.listen(0, '127.0.0.1', () => {
    const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost',
                   maxVersion: version };
    let session = null;
    const report = (name, sock) => {
      const pc = sock.getPeerCertificate();
      show(version, name, sock.isSessionReused(), Object.keys(pc).length, pc.subject ? pc.subject.CN : null,
           Object.keys(sock.getPeerCertificate(true)).length, sock.authorized, sock.authorizationError);
    };
    const first = tls.connect(opts, () => report('first', first));
    first.on('session', (s) => { session = s; });
    first.on('data', () => {});
    first.on('close', () => {
      const second = tls.connect(Object.assign({ session }, opts), () => report('second', second));
      second.on('data', () => {});
      second.on('close', () => { server.close(); done(); });
    });
  });
}

round(versions[0], () => round(versions[1], () => {}));
