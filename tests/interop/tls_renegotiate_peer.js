'use strict';
// Node's half of tests/test_tls_renegotiation.py: a TLS 1.2 peer that
// renegotiates while both sides write. argv[2] is a JSON config:
// {mode: 'server'|'client', certs, port?, chunks, size, times?, passive?}: `times`
// renegotiations one after the other (1 by default), none when `passive`. Both sides send
// `chunks` writes of `size` bytes (byte i of write n is n & 255), then end;
// what arrives is counted and hashed. One JSON line per event on stdout.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const cfg = JSON.parse(process.argv[2]);
const cert = (name) => fs.readFileSync(path.join(cfg.certs, name));
const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
setTimeout(() => { say({ error: 'timeout' }); process.exit(1); }, 20000).unref();

function exchange(sock, renegotiate) {
  let received = 0;
  let callbacks = 0;
  let n = 0;
  const hash = crypto.createHash('sha256');
  sock.on('data', (d) => { received += d.length; hash.update(d); });
  sock.on('close', () => say({ done: { received, sha256: hash.digest('hex'), callbacks } }));
  sock.on('secure', () => say({ secure: sock.getProtocol() }));
  sock.on('error', (err) => say({ failed: String(err) }));
  const pump = () => {
    if (n === cfg.chunks) { whenRenegotiated(() => sock.end()); return; }
    n++;
    sock.write(Buffer.alloc(cfg.size, n & 255), () => { callbacks++; });
    if (n === 2) renegotiate();
    setImmediate(pump);
  };
  pump();
}

// The stream ends once the renegotiations are over (or one failed).
let renegotiating = false;
let afterRenegotiations = null;
function whenRenegotiated(fn) {
  if (renegotiating) afterRenegotiations = fn;
  else fn();
}

function renegotiator(sock) {
  let times = 0;
  const again = () => {
    times++;
    renegotiating = true;
    const ok = sock.renegotiate({}, (err) => {
      say({ renegotiated: err ? String(err) : null });
      if (!err && times < (cfg.times || 1)) return again();
      renegotiating = false;
      if (afterRenegotiations) afterRenegotiations();
    });
    say({ renegotiate: ok });
  };
  return again;
}

if (cfg.mode === 'server') {
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'),
                                    maxVersion: 'TLSv1.2', allowHalfOpen: true }, (sock) => {
    exchange(sock, renegotiator(sock));
    sock.on('close', () => server.close());
  });
  server.listen(0, '127.0.0.1', () => say({ port: server.address().port }));
} else {
  const sock = tls.connect({ port: cfg.port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost',
                             maxVersion: 'TLSv1.2', allowHalfOpen: true }, () => {
    exchange(sock, cfg.passive ? () => {} : renegotiator(sock));
  });
}
