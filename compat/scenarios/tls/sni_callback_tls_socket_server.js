// covers: SNICallback, TLSSocket, isServer
// A server-side TLSSocket made by hand (a net.Server's 'connection' wraps the
// raw socket, no tls.Server) calls its own SNICallback with the name the
// client sent; the context it answers gives the connection its certificate.
// A client that sends no name gets no call and the socket's own certificate.
const net = require('net');
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

const context = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
const sniContext = tls.createSecureContext({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
const cases = ['sni.example', null];
let i = 0;
let closed = 0;
const { c, s, report } = sides();
const closedOne = () => { if (++closed % 2 === 0) { i += 1; next(); } };
const server = net.createServer((raw) => {
  const n = cases[i];
  const sock = new tls.TLSSocket(raw, { isServer: true, secureContext: context,
    SNICallback: (servername, callback) => { s(n, 'SNICallback', servername); callback(null, sniContext); } });
  sock.on('secure', () => {
    s(n, 'secure', sock.servername, sock.getCertificate().subject.CN);
    sock.end();
  });
  sock.on('error', (err) => s(n, 'error', err, err.message));
  sock.on('close', () => { s(n, 'close'); closedOne(); });
});
const next = () => {
  if (i === cases.length) {
    server.close();
    report();
    return;
  }
  const n = cases[i];
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem') };
  if (n) opts.servername = n;
  else opts.checkServerIdentity = () => undefined;
  const sock = tls.connect(opts);
  sock.on('secureConnect', () => {
    c(n, 'secureConnect', sock.getPeerCertificate().subject.CN, sock.authorized, sock.authorizationError);
  });
  sock.on('error', (err) => c(n, 'error', err));
  sock.on('close', () => { c(n, 'close'); closedOne(); });
  sock.resume();
};
server.listen(0, '127.0.0.1', next);
