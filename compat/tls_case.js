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

// Each side's events recorded apart: c(...) for the client's, s(...) for the
// server's, one line of fmt'd values a call. report(...prefix) prints the
// client's lines, then the server's, each after the prefix and its side: the
// order between the two sides is the kernel's, not Node's.
function sides() {
  const clientLog = [];
  const serverLog = [];
  return {
    c: (...a) => clientLog.push(a.map(fmt).join(' ')),
    s: (...a) => serverLog.push(a.map(fmt).join(' ')),
    report(...prefix) {
      for (const line of clientLog) console.log(...prefix, 'client', line);
      for (const line of serverLog) console.log(...prefix, 'server', line);
    },
  };
}

// A server's cache of TLS 1.2 sessions by id, kept by its 'newSession' and
// 'resumeSession' listeners; s(...) hears each call.
function sessionStore(server, s) {
  const store = new Map();
  server.on('newSession', (id, data, cb) => { s('newSession'); store.set(id.toString('hex'), data); cb(); });
  server.on('resumeSession', (id, cb) => { s('resumeSession'); cb(null, store.get(id.toString('hex')) || null); });
}

function runCase(serverOpts, clientOpts, hooks = {}) {
  const { c, s, report } = sides();
  let pending = 2;
  const done = () => {
    if (--pending) return;
    server.close();
    report();
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

module.exports = { runCase, cert, resolve, sides, sessionStore };
