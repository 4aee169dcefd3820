// covers: SNICallback, TLSSocket, isServer
// A hand-made server-side TLSSocket whose SNICallback answers an error, throws,
// or calls back twice: the socket is destroyed with that error (its 'error',
// no tls.Server to hear 'tlsClientError'), inside the handshake for the first
// two, so the client sees the connection go. TLS 1.3, then TLS 1.2.
const net = require('net');
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

const context = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
const sniContext = tls.createSecureContext({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
const cases = [];
for (const v of ['TLSv1.3', 'TLSv1.2']) for (const n of ['error', 'throws', 'twice']) cases.push(v + ' ' + n);
let i = 0;
let closed = 0;
const { c, s, report } = sides();
const closedOne = () => { if (++closed % 2 === 0) { i += 1; next(); } };
function SNICallback(servername, callback) {
  const n = cases[i];
  s(n, 'SNICallback', servername);
  if (n.endsWith('error')) {
    callback(new Error('x'));
  } else if (n.endsWith('throws')) {
    const err = new Error('thrown');
    err.code = 'THROWN';
    throw err;
  } else {
    callback(null, sniContext);
    callback(null, sniContext);
  }
}
const server = net.createServer((raw) => {
  const n = cases[i];
  const sock = new tls.TLSSocket(raw, { isServer: true, secureContext: context, SNICallback });
  sock.on('secure', () => s(n, 'secure'));
  sock.on('error', (err) => s(n, 'error', err, err.message));
  sock.on('close', (hadError) => { s(n, 'close', hadError, raw.destroyed); closedOne(); });
});
const next = () => {
  if (i === cases.length) {
    server.close();
    report();
    return;
  }
  const n = cases[i];
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'sni.example', maxVersion: n.split(' ')[0] });
  sock.on('secureConnect', () => c(n, 'secureConnect', sock.getPeerCertificate().subject.CN));
  sock.on('error', (err) => c(n, 'error', err, err.message));
  sock.on('close', () => { c(n, 'close'); closedOne(); });
  sock.resume();
};
server.listen(0, '127.0.0.1', next);
