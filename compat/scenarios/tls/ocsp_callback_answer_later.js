// covers: 'OCSPRequest' (Server), 'OCSPResponse' (TLSSocket)
// The 'OCSPRequest' callback called later, from a timer: the handshake waits
// for it, and the response it gives is stapled. TLS 1.3, then TLS 1.2.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

function run(version, next) {
  const log = [];
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (sock) => { log.push(['server', 'secureConnection']); sock.end(); });
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    log.push(['server', 'OCSPRequest']);
    setTimeout(() => { log.push(['server', 'callback']); callback(null, Buffer.from('later')); }, 30);
  });
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost', requestOCSP: true });
    c.on('OCSPResponse', (response) => log.push(['client', 'OCSPResponse', response]));
    c.on('secureConnect', () => log.push(['client', 'secureConnect']));
    c.on('close', () => {
      server.close();
      for (const side of ['client', 'server']) {
        for (const entry of log) if (entry[0] === side) show(version, ...entry);
      }
      next();
    });
    c.resume();
  });
}

run('TLSv1.3', () => run('TLSv1.2', () => {}));
