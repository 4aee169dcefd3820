// covers: privateKeyEngine, privateKeyIdentifier, clientCertEngine, ERR_CRYPTO_OPERATION_FAILED, ERR_SSL_ENGINE_LIB
// An engine OpenSSL cannot find (nor load as a path) is Node's error of
// OpenSSL's queue: no code, the oldest error its message, the rest in
// opensslErrorStack. The dynamic engine, not loaded with anything, will not
// initialise. Each through createSecureContext, tls.createServer, tls.connect.
const tls = require('tls');
const { show } = require('../../trace');

const report = (label, e) => show(label, e.name, e.code, e.message, e.library, e.reason, e.opensslErrorStack);
const calls = {
  context: (opts) => tls.createSecureContext(opts),
  server: (opts) => tls.createServer(opts),
  connect: (opts) => tls.connect(Object.assign({ port: 1 }, opts)).on('error', () => {}).destroy(),
};
for (const [name, call] of Object.entries(calls)) {
  for (const opts of [
    { privateKeyIdentifier: 'x', privateKeyEngine: 'nonexistent' },
    { privateKeyIdentifier: 'x', privateKeyEngine: '/nonexistent/engine.so' },
    { privateKeyIdentifier: 'x', privateKeyEngine: '' },
    { privateKeyIdentifier: '', privateKeyEngine: 'dynamic' },
    { clientCertEngine: 'nonexistent' },
    { clientCertEngine: 'dynamic' },
  ]) {
    const label = [name].concat(Object.keys(opts).map((k) => k + '=' + opts[k])).join(' ');
    try { call(opts); show(label, 'ok'); } catch (e) { report(label, e); }
  }
}
