// covers: secureProtocol, ERR_TLS_INVALID_PROTOCOL_METHOD, ERR_TLS_PROTOCOL_VERSION_CONFLICT
// Which method names createSecureContext takes, what it says of the others,
// and secureProtocol beside minVersion/maxVersion; a tls.Server leaves out a
// falsy secureProtocol or version, where the other calls check them.
const tls = require('tls');
const { show } = require('../../trace');

const attempt = (label, fn) => {
  try { fn(); show(label, 'ok'); } catch (e) { show(label, e.name, e.code, e.message); }
};
for (const secureProtocol of [
  'TLS_method', 'TLS_server_method', 'TLS_client_method', 'TLSv1_method', 'TLSv1_1_client_method',
  'TLSv1_2_method', 'TLSv1_2_server_method', 'SSLv23_method', 'SSLv23_client_method',
  'SSLv2_method', 'SSLv2_client_method', 'SSLv3_method', 'SSLv3_server_method', 'TLSv1_3_method',
  'DTLS_method', 'tls_method', 'blargh', '', 5, true, null]) {
  attempt(['context', secureProtocol], () => tls.createSecureContext({ secureProtocol }));
}
for (const opts of [
  { secureProtocol: 'TLS_method', minVersion: 'TLSv1.2' },
  { secureProtocol: 'TLSv1_2_method', maxVersion: 'TLSv1.3' },
  { secureProtocol: 'TLS_method', minVersion: 'bogus' },
  { secureProtocol: 'TLS_method', maxVersion: 5 },
  { secureProtocol: 'TLS_method', minVersion: '' },
  { secureProtocol: 'blargh', minVersion: 'TLSv1.2' },
  { secureProtocol: 5, minVersion: 'TLSv1.2' },
  { secureProtocol: '', minVersion: 'TLSv1.2' },
  { secureProtocol: 'SSLv2_method', ciphers: 5 },
  { secureProtocol: 'TLS_method', minVersion: null },
]) {
  const label = Object.keys(opts).map((k) => k + '=' + JSON.stringify(opts[k])).join(' ');
  attempt(['context', label], () => tls.createSecureContext(opts));
  attempt(['server', label], () => tls.createServer(opts));
  attempt(['TLSSocket', label], () => new tls.TLSSocket(null, opts));
}
attempt('setSecureContext', () => tls.createServer({}).setSecureContext({ secureProtocol: 'nope' }));
attempt('addContext', () => tls.createServer({}).addContext('a.example', { secureProtocol: 'SSLv3_method' }));
