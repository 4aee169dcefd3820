// covers: ALPNCallback, tlsClientError, ERR_TLS_ALPN_CALLBACK_INVALID_RESULT, ECONNRESET
// A result the client did not offer destroys the server's socket with
// ERR_TLS_ALPN_CALLBACK_INVALID_RESULT (the server's 'tlsClientError'); no
// alert goes out: the client sees the connection end before its handshake.
// So does a callback that throws (its error is the one the server hears).
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const results = [() => 'zz', () => 5, () => null, () => '', () => { throw new Error('boom'); }];
const next = (i) => {
  if (i === results.length) return;
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), ALPNCallback: results[i] });
  server.on('tlsClientError', (err, sock) => show(i, 'server tlsClientError', err, err.message, sock.destroyed));
  server.on('secureConnection', () => show(i, 'server secureConnection'));
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), ALPNProtocols: ['a', 'b'] });
    sock.on('end', () => show(i, 'client end'));
    sock.on('error', (err) => show(i, 'client error', err));
    sock.on('close', () => { server.close(); next(i + 1); });
  });
};
next(0);
