// covers: 'OCSPRequest' (Server)
// A truthy response that is not a buffer makes the callback throw
// ERR_INVALID_ARG_TYPE ("OCSP response must be a buffer"); the call counts,
// and the handshake waits: calling again is ERR_MULTIPLE_CALLBACK. A
// Uint8Array is a buffer.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

let name = null;
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (sock) => sock.end());
server.on('OCSPRequest', (certificate, issuer, callback) => {
  if (name === 'typed array') {
    callback(null, new Uint8Array([1, 2, 3]));
    return;
  }
  for (const response of ['text', 42]) {
    try {
      callback(null, response);
      show(name, 'no throw');
    } catch (err) {
      show(name, 'throws', err, err instanceof TypeError, err.message);
    }
  }
  setTimeout(() => callback(null, null), 20);
});
server.on('tlsClientError', (err) => show(name, 'tlsClientError', err));

function connect(label, next) {
  name = label;
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'localhost', requestOCSP: true });
  c.on('OCSPResponse', (response) => show(label, 'OCSPResponse', response));
  c.on('secureConnect', () => show(label, 'secureConnect'));
  c.on('error', (err) => show(label, 'error', err));
  c.on('close', next);
  c.resume();
}

server.listen(0, '127.0.0.1', () => connect('text', () => connect('typed array', () => server.close())));
