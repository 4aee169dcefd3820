// covers: tlsSocket.renegotiate, 'secure', 'secureConnect'
// A TLS 1.2 client renegotiates: renegotiate() returns true; the new
// handshake is 'secure' again on both sides, and on the tls.connect client
// 'secureConnect' again (Node's own 'secure' listener), then the callback
// with null. Data written after it goes through.
const { runCase } = require('../../tls_case');

runCase({ key: 'file:server-key.pem', cert: 'file:server-cert.pem', maxVersion: 'TLSv1.2' },
  { ca: 'file:ca.pem', servername: 'localhost' }, {
    server(sock, s) {
      sock.on('secure', () => s('secure', sock.authorized, sock.getProtocol()));
    },
    client(sock, c) {
      if (sock.renegotiating) return;
      sock.renegotiating = true;
      sock.on('secure', () => c('secure', sock.authorized));
      const finished = sock.getFinished();
      c('renegotiate returns', sock.renegotiate({}, (err) => {
        c('callback', err, sock.getFinished().equals(finished));
        sock.end('after');
      }));
    },
  });
