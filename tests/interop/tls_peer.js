'use strict';
// The Node side of tests/test_tls_interop.py. argv[2] is a JSON config:
//   {mode, certs, port?, size, seed}
// mode 'server': a tls server (mutual TLS with the test CA, SNI with addContext
//   for sni.example, ALPN h2/http/1.1) for one connection; prints
//   {"port": N}, then {"secure": {...}} and {"done": {...}} lines.
// mode 'client': tls.connect to port with a client certificate, servername
//   sni.example and ALPN; prints {"secure": {...}} and {"done": {...}}.
// Each side sends `size` bytes of exchange.js's pattern(seed) and hashes what it gets.
// mode 'starttls-server' / 'starttls-client': a line protocol (STARTTLS, OK,
//   then PING/PONG over TLS).
const tls = require('tls');
const net = require('net');
const fs = require('fs');
const path = require('path');
const { say, exchange } = require('./exchange');

const cfg = JSON.parse(process.argv[2]);
const file = (name) => fs.readFileSync(path.join(cfg.certs, name));
setTimeout(() => { say({ error: 'guard timeout' }); process.exit(2); }, 18000).unref();

function facts(sock) {
  const cert = sock.getPeerCertificate();
  return {
    authorized: sock.authorized, authorizationError: sock.authorizationError || null,
    peerCN: cert && cert.subject ? cert.subject.CN : null, servername: sock.servername,
    alpn: sock.alpnProtocol, protocol: sock.getProtocol(),
  };
}

if (cfg.mode === 'server') {
  const server = tls.createServer({
    key: file('server-key.pem'), cert: file('server-cert.pem'), ca: file('ca.pem'),
    requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2', 'http/1.1'], allowHalfOpen: true,
  }, (sock) => {
    say({ secure: facts(sock) });
    exchange(sock, cfg.seed, cfg.size);
    sock.on('close', () => server.close());
  });
  // An SNI context verifies client certificates with its own CAs, as OpenSSL's SSL_set_SSL_CTX does.
  server.addContext('sni.example', { key: file('sni-key.pem'), cert: file('sni-cert.pem'), ca: file('ca.pem') });
  server.on('tlsClientError', (err) => say({ tlsClientError: err.code }));
  server.listen(0, '127.0.0.1', () => say({ port: server.address().port }));
} else if (cfg.mode === 'client') {
  const sock = tls.connect({
    port: cfg.port, host: '127.0.0.1', ca: file('ca.pem'), servername: 'sni.example',
    key: file('client-key.pem'), cert: file('client-cert.pem'), ALPNProtocols: ['http/1.1', 'h2'],
    allowHalfOpen: true,
  }, () => { say({ secure: facts(sock) }); exchange(sock, cfg.seed, cfg.size); });
  sock.on('error', (err) => say({ error: err.code || err.message }));
} else if (cfg.mode === 'starttls-server') {
  const server = net.createServer((raw) => {
    raw.once('data', (line) => {
      if (String(line) !== 'STARTTLS\n') { raw.destroy(); return; }
      raw.write('OK\n', () => {
        const sock = new tls.TLSSocket(raw, { isServer: true, key: file('server-key.pem'), cert: file('server-cert.pem') });
        sock.on('secure', () => say({ secure: { protocol: sock.getProtocol() } }));
        sock.on('data', (d) => { if (String(d) === 'PING\n') sock.end('PONG\n'); });
        sock.on('close', () => { say({ done: {} }); server.close(); });
      });
    });
  });
  server.listen(0, '127.0.0.1', () => say({ port: server.address().port }));
} else if (cfg.mode === 'starttls-client') {
  const raw = net.connect(cfg.port, '127.0.0.1', () => raw.write('STARTTLS\n'));
  raw.once('data', (line) => {
    if (String(line) !== 'OK\n') { say({ error: 'expected OK, got ' + line }); raw.destroy(); return; }
    const sock = tls.connect({ socket: raw, ca: file('ca.pem'), servername: 'localhost' }, () => {
      say({ secure: { authorized: sock.authorized } });
      sock.write('PING\n');
    });
    let got = '';
    sock.on('data', (d) => { got += d; });
    sock.on('end', () => say({ done: { got } }));
    sock.on('error', (err) => say({ error: err.code || err.message }));
  });
}
