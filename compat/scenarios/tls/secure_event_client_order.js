// covers: 'secure', 'secureConnect', 'secureConnection', tls.connect
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

// Each side's events are kept apart and printed at the end, client first
// (the order between the two sides is the kernel's).
const clientLog = [];
const serverLog = [];
const c = (...a) => clientLog.push(a);
const s = (...a) => serverLog.push(a);

// 'secure' on a tls.connect client follows 'secureConnect' (Node's own
// 'secure' listener emits it), and is emitted even when the server is
// rejected; a 'secure' listener added in 'secureConnection' or
// 'secureConnect' hears no first handshake.
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (sock) => {
  s('server secureConnection');
  sock.on('secure', () => s('server secure (late listener)'));
  sock.resume();
  sock.on('end', () => sock.end());
});
server.on('tlsClientError', (err) => s('server tlsClientError', err.code));

const cases = [
  ['trusted TLSv1.3', { ca: cert('ca.pem'), servername: 'localhost' }],
  ['trusted TLSv1.2', { ca: cert('ca.pem'), servername: 'localhost', maxVersion: 'TLSv1.2' }],
  ['untrusted', { servername: 'localhost' }],
  ['untrusted kept', { servername: 'localhost', rejectUnauthorized: false }],
];

function next() {
  const item = cases.shift();
  if (!item) {
    server.close();
    for (const line of clientLog) show(...line);
    for (const line of serverLog) show(...line);
    return;
  }
  const [name, opts] = item;
  c('case', name);
  const sock = tls.connect(Object.assign({ port: server.address().port, host: '127.0.0.1' }, opts), () => {
    c('client connect callback');
  });
  sock.on('connect', () => c('client connect'));
  sock.on('secureConnect', () => {
    c('client secureConnect', sock.authorized, sock.authorizationError, sock.getProtocol());
    sock.on('secure', () => c('client secure (late listener)'));
    sock.end();
  });
  sock.on('secure', () => c('client secure', sock.destroyed, sock.authorized, sock.authorizationError,
                                sock.secureConnecting));
  sock.on('error', (err) => c('client error', err.code));
  sock.on('close', (hadError) => { c('client close', hadError); next(); });
}

server.listen(0, '127.0.0.1', next);
