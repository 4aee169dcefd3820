// covers: privateKeyEngine, privateKeyIdentifier, clientCertEngine, ERR_INVALID_ARG_VALUE, ERR_INVALID_ARG_TYPE
// The engine options' checks: an identifier needs an engine and no key, each
// is a string; an engine alone is not looked at.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const attempt = (label, opts) => {
  try { tls.createSecureContext(opts); show(label, 'ok'); } catch (e) { show(label, e.name, e.code, e.message); }
};
attempt('engine alone', { privateKeyEngine: 'nonexistent' });
attempt('engine 5 alone', { privateKeyEngine: 5 });
attempt('identifier alone', { privateKeyIdentifier: 'x' });
attempt('identifier, engine undefined', { privateKeyIdentifier: 'x', privateKeyEngine: undefined });
attempt('identifier and key', { privateKeyIdentifier: 'x', privateKeyEngine: 'nonexistent', key: cert('server-key.pem') });
attempt('identifier and empty key', { privateKeyIdentifier: 'x', privateKeyEngine: 5, key: '' });
attempt('identifier 5', { privateKeyIdentifier: 5, privateKeyEngine: 'nonexistent' });
attempt('engine 5', { privateKeyIdentifier: 'x', privateKeyEngine: 5 });
attempt('sigalgs first', { privateKeyIdentifier: 'x', privateKeyEngine: 5, sigalgs: '' });
attempt('clientCertEngine 5', { clientCertEngine: 5 });
attempt('clientCertEngine undefined', { clientCertEngine: undefined });
try { tls.createServer({ clientCertEngine: 5 }); } catch (e) { show('server clientCertEngine 5', e.code, e.message); }
