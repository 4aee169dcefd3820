// covers: 'OCSPRequest' (Server), 'OCSPResponse' (TLSSocket)
// Two handshakes after which nothing is stapled, as Node's OpenSSL calls go:
// a TLS 1.3 HelloRetryRequest (the server wants another curve) uses up the
// response before the second ClientHello, so the client hears null; a TLS 1.2
// renegotiation asks the server nothing more, and the client hears null
// again before 'secureConnect' again.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

function run(name, serverOpts, renegotiate, next) {
  const server = tls.createServer(Object.assign({ key: cert('server-key.pem'), cert: cert('server-cert.pem') },
    serverOpts), (sock) => { sock.on('data', (d) => sock.write(d)); sock.on('end', () => sock.end()); });
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    show(name, 'OCSPRequest');
    callback(null, Buffer.from('stapled'));
  });
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    let renegotiated = false;
    c.on('OCSPResponse', (response) => show(name, 'OCSPResponse', response));
    c.on('secureConnect', () => {
      show(name, 'secureConnect', c.getProtocol());
      if (!renegotiate || renegotiated) return c.end();
      renegotiated = true;
      c.renegotiate({}, (err) => show(name, 'renegotiated', err));
    });
    c.on('close', () => { server.close(); next(); });
    c.resume();
  });
}

run('hello retry', { ecdhCurve: 'P-384' }, false,
  () => run('renegotiation', { maxVersion: 'TLSv1.2' }, true, () => {}));
