// covers: SNICallback (createServer), 'tlsClientError' (Server)
// An error given to the SNICallback's callback, or thrown by the SNICallback,
// destroys the connection inside the handshake: no alert, the client sees the
// connection go (ECONNRESET), the server hears 'tlsClientError' with the
// error. A second call is ERR_MULTIPLE_CALLBACK. TLS 1.3, then TLS 1.2.
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

const sniContext = tls.createSecureContext({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
const { c, s, report } = sides();
let name = null;
let stored = null;
function SNICallback(servername, callback) {
  s(name, 'SNICallback', servername);
  if (name.endsWith('error')) {
    const err = new Error('no such host');
    err.code = 'EXAMPLE';
    callback(err);
  } else if (name.endsWith('throws')) {
    const err = new Error('thrown');
    err.code = 'THROWN';
    throw err;
  } else if (name.endsWith('twice')) {
    callback(null, sniContext);
    callback(null, sniContext);
  } else {
    stored = callback;
    callback(null, sniContext);
  }
}
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), SNICallback }, (sock) => {
  s(name, 'secureConnection');
  sock.on('error', (err) => s(name, 'socket error', err));
  if (name.endsWith('twice after')) stored(null, null);
  else sock.end();
});
server.on('tlsClientError', (err, sock) => s(name, 'tlsClientError', err, String(err.message || err), sock.destroyed));
server.on('connection', (sock) => sock.on('close', () => s(name, 'close')));

const names = [];
for (const v of ['TLSv1.3', 'TLSv1.2']) for (const n of ['error', 'throws', 'twice', 'twice after']) names.push(v + ' ' + n);
function run(i) {
  if (i === names.length) {
    server.close();
    report();
    return;
  }
  name = names[i];
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'sni.example', maxVersion: name.split(' ')[0] });
  sock.on('secureConnect', () => c(names[i], 'secureConnect'));
  sock.on('error', (err) => c(names[i], 'error', err, err.message));
  sock.on('close', () => { c(names[i], 'close'); setTimeout(() => run(i + 1), 20); });
  sock.resume();
}

server.listen(0, '127.0.0.1', () => run(0));
