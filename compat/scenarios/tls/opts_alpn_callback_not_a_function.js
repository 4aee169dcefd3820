// covers: ALPNCallback, ERR_INVALID_ARG_TYPE, uncaughtException
// A tls.Server whose ALPNCallback is no function takes it, and throws when a
// connection comes (its TLSSocket checks it): an uncaught exception, before
// the server's 'connection'.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), ALPNCallback: 5 });
server.on('connection', () => show('connection'));
server.on('tlsClientError', (err) => show('tlsClientError', err));
process.on('uncaughtException', (err) => {
  show('uncaughtException', err, err.message);
  process.exit(0);
});
server.listen(0, '127.0.0.1', () => {
  tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false }).on('error', () => {});
});
