'use strict';
// TLS-PSK compat cases: for each case, one tls server and one tls.connect
// client with pskCallback options, run one after the other. Each side's
// events (the PSK callbacks' calls among them) are recorded apart and printed
// client first, then server (the order between the two sides is the
// kernel's). Errors Node makes itself print their message; OpenSSL's print
// their library and reason (OpenSSL's message names source files). Options
// naming a test certificate are written 'file:NAME', as in tls_case.js.
const tls = require('tls');
const { resolve, sides } = require('./tls_case');

const KEY = Buffer.from('d731ef57be09e5204f0b205b60627028', 'hex');

function errorText(err) {
  if (typeof err.code === 'string' && err.code.startsWith('ERR_SSL_')) return [err, err.library, err.reason];
  return [err, err.message];
}

// A certificate by its subject's CN (the whole object is {} without one).
const certText = (cert) => (cert && cert.subject ? 'CN=' + cert.subject.CN : cert);

function runOne(label, serverOpts, clientOpts, next) {
  const { c, s, report } = sides();
  let pending = 2;
  const done = () => {
    if (--pending) return;
    server.close();
    // A server's 'tlsClientError' for a connection that hung up follows its 'close'.
    setImmediate(() => {
      console.log('case', label);
      report();
      next();
    });
  };
  const sopts = resolve(serverOpts);
  if (typeof serverOpts.pskCallback === 'function') {
    sopts.pskCallback = (sock, identity) => {
      s('pskCallback', identity, sock instanceof tls.TLSSocket);
      return serverOpts.pskCallback(sock, identity);
    };
  }
  const server = tls.createServer(sopts, (sock) => {
    s('secureConnection', sock.authorized, sock.authorizationError, sock.getProtocol(), sock.getCipher(),
      certText(sock.getPeerCertificate()), certText(sock.getCertificate()), sock.isSessionReused(),
      sock.alpnProtocol, sock.servername);
    sock.on('data', (d) => { s('data', d); sock.end('pong'); });
    sock.on('end', () => s('end'));
  });
  server.on('tlsClientError', (err, sock) => s('tlsClientError', ...errorText(err), sock.destroyed));
  server.on('connection', (sock) => {
    s('connection');
    sock.on('close', (hadError) => { s('close', hadError); done(); });
  });
  server.listen(0, '127.0.0.1', () => {
    const copts = { port: server.address().port, host: '127.0.0.1', checkServerIdentity: () => undefined,
                    ...resolve(clientOpts) };
    if (typeof clientOpts.pskCallback === 'function') {
      copts.pskCallback = (hint) => {
        c('pskCallback', hint);
        return clientOpts.pskCallback(hint);
      };
    }
    const sock = tls.connect(copts);
    sock.on('connect', () => c('connect', sock.destroyed));
    sock.on('secureConnect', () => {
      c('secureConnect', sock.authorized, sock.authorizationError, sock.getProtocol(), sock.getCipher(),
        certText(sock.getPeerCertificate()), sock.isSessionReused(), sock.getEphemeralKeyInfo());
      sock.write('ping');
    });
    sock.on('data', (d) => c('data', d));
    sock.on('error', (err) => c('error', ...errorText(err)));
    sock.on('end', () => c('end'));
    sock.on('close', (hadError) => { c('close', hadError); done(); });
  });
}

// cases: [[label, serverOpts, clientOpts], ...], run in turn.
function runPskCases(cases) {
  const next = (i) => { if (i < cases.length) runOne(...cases[i], () => next(i + 1)); };
  next(0);
}

module.exports = { runPskCases, KEY };
