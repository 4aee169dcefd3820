// covers: 'OCSPRequest' (Server), 'tlsClientError' (Server)
// An error given to the 'OCSPRequest' callback fails the handshake: the server
// hears it as 'tlsClientError' (the socket already destroyed), the client sees
// the connection go before its handshake (ECONNRESET). Any truthy value is an
// error; a falsy one is none. A second call is ERR_MULTIPLE_CALLBACK: before
// the handshake is done, 'tlsClientError'; after, the socket's 'error'.
const tls = require('tls');
const { cert, sides } = require('../../tls_case');

const { c, s, report } = sides();
let name = null;
let stored = null;
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (sock) => {
  s(name, 'secureConnection');
  sock.on('error', (err) => s(name, 'socket error', err));
  if (name === 'twice after') stored(null, null);
  else sock.end();
});
server.on('OCSPRequest', (certificate, issuer, callback) => {
  s(name, 'OCSPRequest');
  if (name === 'error') {
    const err = new Error('no OCSP responder');
    err.code = 'EXAMPLE';
    callback(err);
  } else if (name === 'string') {
    callback('no staple today');
  } else if (name === 'falsy error') {
    callback(0, Buffer.from('stapled'));
  } else if (name === 'twice') {
    callback(null, Buffer.from('first'));
    callback(null, Buffer.from('second'));
  } else {
    stored = callback;
    callback(null, Buffer.from('once'));
  }
});
server.on('tlsClientError', (err, sock) => s(name, 'tlsClientError', err, String(err.message || err), sock.destroyed));
server.on('connection', (sock) => sock.on('close', () => s(name, 'close')));

const names = ['error', 'string', 'falsy error', 'twice', 'twice after'];
function run(i) {
  if (i === names.length) {
    server.close();
    report();
    return;
  }
  name = names[i];
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'localhost', requestOCSP: true });
  sock.on('OCSPResponse', (response) => c(names[i], 'OCSPResponse', response));
  sock.on('secureConnect', () => c(names[i], 'secureConnect'));
  sock.on('error', (err) => c(names[i], 'error', err));
  sock.on('close', () => { c(names[i], 'close'); setTimeout(() => run(i + 1), 20); });
  sock.resume();
}

server.listen(0, '127.0.0.1', () => run(0));
