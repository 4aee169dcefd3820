'use strict';
// A TLS compat case: one tls server and one tls.connect client, each side's
// events recorded apart and printed client first, then server (the order
// between the two sides is the kernel's, not Node's). Options naming a file of
// the test certificates are written 'file:NAME' (GNET_TLS_CERTS, compat/tls_certs.py).
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const { fmt } = require('./trace');

function cert(name) {
  const dir = process.env.GNET_TLS_CERTS;
  if (!dir) throw new Error('GNET_TLS_CERTS is not set: run through python -m compat');
  return fs.readFileSync(path.join(dir, name));
}

function resolve(opts) {
  const out = {};
  for (const [k, v] of Object.entries(opts || {})) {
    out[k] = typeof v === 'string' && v.startsWith('file:') ? cert(v.slice(5)) : v;
  }
  return out;
}

function runCase(serverOpts, clientOpts, hooks = {}) {
  const clientLog = [];
  const serverLog = [];
  const c = (...a) => clientLog.push(a.map(fmt).join(' '));
  const s = (...a) => serverLog.push(a.map(fmt).join(' '));
  let pending = 2;
  const done = () => {
    if (--pending) return;
    server.close();
    for (const line of clientLog) console.log('client', line);
    for (const line of serverLog) console.log('server', line);
  };
  const server = tls.createServer(resolve(serverOpts), (sock) => {
    s('secureConnection', sock.authorized, sock.authorizationError, sock.alpnProtocol, sock.servername,
      sock.getProtocol());
    if (hooks.server) hooks.server(sock, s);
    sock.on('data', (d) => s('data', d));
    sock.on('end', () => s('end'));
    sock.resume();
  });
  server.on('tlsClientError', (err, sock) => s('tlsClientError', err, sock.destroyed));
  server.on('connection', (sock) => {
    sock.on('close', (hadError) => { s('close', hadError); done(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const opts = Object.assign({ port: server.address().port, host: '127.0.0.1' }, resolve(clientOpts));
    const sock = tls.connect(opts);
    sock.on('connect', () => c('connect'));
    sock.on('secureConnect', () => {
      c('secureConnect', sock.authorized, sock.authorizationError, sock.alpnProtocol, sock.servername,
        sock.getProtocol());
      if (hooks.client) hooks.client(sock, c);
      else sock.end('bye');
    });
    sock.on('data', (d) => c('data', d));
    sock.on('error', (err) => c('error', err));
    sock.on('end', () => c('end'));
    sock.on('close', (hadError) => { c('close', hadError); done(); });
  });
}

module.exports = { runCase, cert, resolve };
