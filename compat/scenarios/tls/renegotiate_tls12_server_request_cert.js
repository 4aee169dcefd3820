// covers: tlsSocket.renegotiate, requestCert, rejectUnauthorized
// A tls.Server's socket renegotiates asking for the client's certificate
// (requestCert), keeping the connection without a good one
// (rejectUnauthorized: false): after the new handshake the server judges the
// client (Node's own 'secure' listener reads the new _requestCert) and finds
// no certificate (OpenSSL resumes the session in the renegotiation); without
// requestCert nothing is judged. The client hears 'secureConnect' again.
const { runCase } = require('../../tls_case');

function serverCase(clientOpts, renegOpts) {
  return new Promise((resolve) => {
    runCase({ key: 'file:server-key.pem', cert: 'file:server-cert.pem', ca: 'file:ca.pem',
              maxVersion: 'TLSv1.2' },
    Object.assign({ ca: 'file:ca.pem', servername: 'localhost' }, clientOpts), {
      server(sock, s) {
        s('peer before', Object.keys(sock.getPeerCertificate()).length);
        sock.on('secure', () => s('secure', sock.authorized, sock.authorizationError,
                                  sock.getPeerCertificate().subject && sock.getPeerCertificate().subject.CN,
                                  sock.isSessionReused()));
        s('renegotiate returns', sock.renegotiate(renegOpts,
          (err) => { s('callback', err); sock.write('go'); }));
      },
      client(sock, c) {
        sock.on('data', (d) => { if (String(d) === 'go') sock.end(); });
      },
    });
    setTimeout(resolve, 500);
  });
}

(async () => {
  console.log('case with client certificate');
  await serverCase({ key: 'file:client-key.pem', cert: 'file:client-cert.pem' },
                   { requestCert: true, rejectUnauthorized: false });
  console.log('case no certificate asked for');
  await serverCase({ key: 'file:client-key.pem', cert: 'file:client-cert.pem' }, {});
})();
