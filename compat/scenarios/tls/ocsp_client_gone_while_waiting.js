// covers: 'OCSPRequest' (Server), 'tlsClientError' (Server)
// The client goes away while the server's 'OCSPRequest' callback is not yet
// called: the server hears 'tlsClientError' (ECONNRESET) once, and the call
// that comes later does nothing.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') },
  () => show('secureConnection'));
let client = null;
server.on('OCSPRequest', (certificate, issuer, callback) => {
  show('OCSPRequest');
  client.destroy();
  server.once('tlsClientError', () => setTimeout(() => {
    show('calling back');
    callback(null, Buffer.from('too late'));
    show('called back');
    server.close();
  }, 20));
});
server.on('tlsClientError', (err, sock) => show('tlsClientError', err, err.message, sock.destroyed));
server.on('connection', (sock) => sock.on('close', () => show('close')));
server.listen(0, '127.0.0.1', () => {
  client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'localhost', requestOCSP: true });
  client.on('error', (err) => show('client error', err));
});
