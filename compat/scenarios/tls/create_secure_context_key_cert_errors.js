// covers: createSecureContext, key, cert, passphrase, createServer, connect, setSecureContext, addContext
// Node loads the certificate (setCert) and then the key (setKey) apart and
// throws OpenSSL's first queued error: a key or certificate that is no PEM,
// a key that does not match the certificate, an encrypted key with a wrong
// passphrase or none ('opensslErrorStack' holding the rest of the queue).
// A key or a certificate alone is taken. Key items of an array may be
// {pem, passphrase}; a lone such object is refused. Each option is checked
// where configSecureContext checks it (ciphers, then ca, cert, key, sigalgs,
// ecdhCurve, crl, sessionIdContext). The same errors come from createServer,
// tls.connect, setSecureContext and addContext, thrown.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const key = cert('server-key.pem');
const crt = cert('server-cert.pem');
const otherKey = cert('sni-key.pem');
const encrypted = cert('encrypted-key.pem');
const cases = [
  ['bad key', { key: 'bad' }],
  ['bad cert', { cert: 'bad' }],
  ['both bad', { key: 'bad', cert: 'bad' }],
  ['key alone', { key }],
  ['cert alone', { cert: crt }],
  ['mismatch', { key: otherKey, cert: crt }],
  ['strings', { key: key.toString(), cert: crt.toString() }],
  ['key array, second mismatches', { key: [key, otherKey], cert: crt }],
  ['key array, second bad', { key: [key, 'bad'], cert: crt }],
  ['cert array, second bad', { key, cert: [crt, 'bad'] }],
  ['swapped', { key: crt, cert: key }],
  ['chain with a broken certificate', { key, cert: Buffer.concat([crt, Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')]) }],
  ['encrypted, no passphrase', { key: encrypted, cert: crt }],
  ['encrypted, wrong passphrase', { key: encrypted, passphrase: 'nope', cert: crt }],
  ['encrypted, passphrase', { key: encrypted, passphrase: 'secret', cert: crt }],
  ['pem object alone', { key: { pem: encrypted, passphrase: 'secret' }, cert: crt }],
  ['pem objects, wrong passphrase', { key: [{ pem: encrypted, passphrase: 'nope' }], cert: crt }],
  ['pem objects, passphrase', { key: [{ pem: encrypted, passphrase: 'secret' }], cert: crt }],
  ['pem objects, top passphrase', { key: [{ pem: encrypted }], passphrase: 'secret', cert: crt }],
  ['pem objects, no pem', { key: [{ passphrase: 'x' }], cert: crt }],
  ['pem objects, passphrase a number', { key: [{ pem: encrypted, passphrase: 5 }], cert: crt }],
  ['passphrase a Buffer', { key: encrypted, passphrase: Buffer.from('secret'), cert: crt }],
  ['passphrase without key', { passphrase: 5 }],
  ['cert object', { cert: { pem: crt } }],
  ['key number in array', { key: [5], cert: crt }],
  ['empty key', { key: '', cert: crt }],
  ['false key', { key: false, cert: crt }],
  ['order: ciphers before key', { key: 'bad', ciphers: 5 }],
  ['order: cipher match before ca', { ca: 5, ciphers: 'nonsense' }],
  ['order: ca before cert', { ca: 5, cert: 'bad' }],
  ['order: cert before key', { key: 5, cert: 'bad' }],
  ['order: key before sigalgs', { key: 'bad', sigalgs: 5 }],
  ['order: key before ecdhCurve', { key: 'bad', ecdhCurve: 5 }],
  ['order: ecdhCurve before crl', { ecdhCurve: 5, crl: 5 }],
  ['order: crl before sessionIdContext', { crl: 5, sessionIdContext: 5 }],
];
// (The order cases show the code alone: gnet's 'no cipher match' message
// lacks OpenSSL's packed error number, docs/differences.md.)
const report = (name, e) => (name.startsWith('order:') ? show(name, e.code)
  : show(name, e.name, e.code, e.message, e.library, e.reason, e.opensslErrorStack));
for (const [name, options] of cases) {
  try { tls.createSecureContext(options); show(name, 'ok'); } catch (e) { report(name, e); }
}
const places = {
  createServer: (o) => tls.createServer(o),
  connect: (o) => {
    const sock = tls.connect(Object.assign({ port: 1, host: '127.0.0.1' }, o));
    sock.on('error', () => {});
    sock.destroy();
  },
  setSecureContext: (o) => tls.createServer({ key, cert: crt }).setSecureContext(o),
  addContext: (o) => tls.createServer({ key, cert: crt }).addContext('a.example', o),
};
for (const [place, fn] of Object.entries(places)) {
  for (const [name, options] of [['bad key', { key: 'bad', cert: crt }], ['mismatch', { key: otherKey, cert: crt }],
    ['bad cert', { key, cert: 'bad' }]]) {
    try { fn(options); show(place, name, 'ok'); } catch (e) { report(place + ' ' + name, e); }
  }
}
