'use strict';
// The Node side of tests/test_tls_ocsp.py: OCSP stapling against gnet.
// argv[2] is a JSON config: {mode, port?, certs, maxVersion?, servername?,
// answer: 'response' | 'nothing' | 'error', response (hex)}.
// mode 'server': a tls server (the leaf and the CA as its chain, and
//   sni.example through addContext) for one connection, whose 'OCSPRequest'
//   listener answers as told; prints {"port": N}, {"request": {certificate,
//   issuer}} (hex, or null), then {"secure": {protocol}} or
//   {"tlsClientError": code}.
// mode 'client': tls.connect with requestOCSP to port; prints
//   {"ocsp": {response (hex or null), secureConnecting}}, {"secure": {...}},
//   or {"failed": code}, then {"closed": true}.
const tls = require('tls');
const fs = require('fs');
const path = require('path');

const cfg = JSON.parse(process.argv[2]);
const read = (name) => fs.readFileSync(path.join(cfg.certs, name));
const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const hex = (buf) => (buf ? buf.toString('hex') : null);
setTimeout(() => { say({ error: 'guard timeout' }); process.exit(2); }, 18000).unref();

const versions = cfg.maxVersion ? { maxVersion: cfg.maxVersion } : {};
if (cfg.mode === 'server') {
  const server = tls.createServer({ key: read('server-key.pem'), cert: read('server-chain.pem'), ...versions },
    (sock) => {
      say({ secure: { protocol: sock.getProtocol() } });
      sock.end();
      server.close();
    });
  server.addContext('sni.example', { key: read('sni-key.pem'), cert: read('sni-cert.pem') });
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    say({ request: { certificate: hex(certificate), issuer: hex(issuer) } });
    if (cfg.answer === 'error') callback(new Error('no OCSP responder'));
    else callback(null, cfg.answer === 'nothing' ? null : Buffer.from(cfg.response, 'hex'));
  });
  server.on('tlsClientError', (err) => { say({ tlsClientError: err.code || err.message }); server.close(); });
  server.listen(0, '127.0.0.1', () => say({ port: server.address().port }));
} else if (cfg.mode === 'client') {
  const sock = tls.connect({
    port: cfg.port, host: '127.0.0.1', ca: read('ca.pem'), servername: cfg.servername || 'localhost',
    requestOCSP: true, ...versions,
  });
  sock.on('OCSPResponse', (response) => say({ ocsp: { response: hex(response), secureConnecting: sock.secureConnecting } }));
  sock.on('secureConnect', () => {
    say({ secure: { protocol: sock.getProtocol(), authorized: sock.authorized } });
    sock.end();
  });
  sock.on('data', () => {});
  sock.on('error', (err) => say({ failed: err.code || err.message }));
  sock.on('close', () => say({ closed: true }));
}
