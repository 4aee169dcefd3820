'use strict';
// The Node side of tests/test_tls_psk.py: TLS-PSK with no certificate at all.
// argv[2] is a JSON config: {mode, port?, size, seed, key (hex), identity,
// hint, ciphers, maxVersion}.
// mode 'server': a tls server whose pskCallback answers `key` for `identity`
//   (null for any other), with `hint` as its identity hint, for one
//   connection; prints {"port": N}, {"psk": {identity}}, {"secure": {...}},
//   {"done": {...}}, or {"tlsClientError": code}.
// mode 'client': tls.connect to port answering {psk: key, identity}; prints
//   {"psk": {hint}}, {"secure": {...}}, {"done": {...}}, or {"error": code}.
// Each side sends `size` bytes of exchange.js's pattern(seed) and hashes what it gets.
const tls = require('tls');
const { say, exchange } = require('./exchange');

const cfg = JSON.parse(process.argv[2]);
const key = Buffer.from(cfg.key, 'hex');
setTimeout(() => { say({ error: 'guard timeout' }); process.exit(2); }, 18000).unref();

function facts(sock) {
  const cipher = sock.getCipher();
  return {
    authorized: sock.authorized, protocol: sock.getProtocol(), cipher: cipher.standardName,
    peerCertificate: sock.getPeerCertificate(), reused: sock.isSessionReused(),
  };
}

const versions = cfg.maxVersion ? { maxVersion: cfg.maxVersion } : {};
if (cfg.mode === 'server') {
  const server = tls.createServer({
    ciphers: cfg.ciphers, pskIdentityHint: cfg.hint, allowHalfOpen: true, ...versions,
    pskCallback(sock, identity) {
      say({ psk: { identity } });
      return identity === cfg.identity ? key : null;
    },
  }, (sock) => {
    say({ secure: facts(sock) });
    exchange(sock, cfg.seed, cfg.size);
    sock.on('close', () => server.close());
  });
  server.on('tlsClientError', (err) => { say({ tlsClientError: err.code }); server.close(); });
  server.listen(0, '127.0.0.1', () => say({ port: server.address().port }));
} else if (cfg.mode === 'client') {
  const sock = tls.connect({
    port: cfg.port, host: '127.0.0.1', ciphers: cfg.ciphers, allowHalfOpen: true, ...versions,
    checkServerIdentity: () => undefined,
    pskCallback(hint) {
      say({ psk: { hint } });
      return { psk: key, identity: cfg.identity };
    },
  }, () => { say({ secure: facts(sock) }); exchange(sock, cfg.seed, cfg.size); });
  sock.on('error', (err) => say({ error: err.code || err.message }));
}
