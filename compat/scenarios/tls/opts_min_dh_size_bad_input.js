// covers: minDHSize, ERR_INTERNAL_ASSERTION
// tls.connect asserts minDHSize is a number above 0 (undefined given is no
// number: the default applies only to a key left out), before anything else
// of the TLS options but checkServerIdentity; other calls ignore it.
const tls = require('tls');
const { show } = require('../../trace');

for (const minDHSize of [undefined, 0, -1, NaN, -Infinity, '2048', true, [], [2048], {}, 0.5, 1, Infinity, 1.5]) {
  try {
    const sock = tls.connect({ port: 1, minDHSize, secureProtocol: 'nope' });
    sock.on('error', () => {});
    sock.destroy();
    show(minDHSize, 'ok');
  } catch (e) { show(minDHSize, e.name, e.code, e.message); }
}
for (const [label, fn] of [
  ['TLSSocket', () => new tls.TLSSocket(null, { minDHSize: 'x' })],
  ['server', () => tls.createServer({ minDHSize: 'x' })],
  ['context', () => tls.createSecureContext({ minDHSize: 'x' })],
]) {
  try { fn(); show(label, 'ok'); } catch (e) { show(label, e.name, e.code, e.message); }
}
