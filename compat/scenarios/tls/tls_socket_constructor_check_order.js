// covers: TLSSocket, ERR_TLS_INVALID_CONTEXT, ALPNCallback, SNICallback, server option
// new tls.TLSSocket(null, options) with several bad options reports the first
// in Node's order: enableTrace, the context, net.Socket's options, then (a
// server side) ALPNCallback, the server option (its listenerCount), the
// SNICallback, pskCallback. Each line drops the first bad option of the last.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const context = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
const bad = [['enableTrace', 'yes'], ['secureContext', {}], ['highWaterMark', 'x'], ['ALPNCallback', 5],
  ['server', {}], ['SNICallback', 5], ['pskCallback', 5]];
for (const isServer of [true, false]) {
  const last = isServer ? bad.length : 3;
  for (let i = 0; i < last; i++) {
    const opts = { isServer, secureContext: context };
    for (const [k, v] of bad.slice(i)) if (isServer || !['highWaterMark', 'pskCallback'].includes(k)) opts[k] = v;
    const label = [isServer ? 'server' : 'client', bad[i][0]];
    try {
      new tls.TLSSocket(null, opts).destroy();
      show(...label, 'ok');
    } catch (e) {
      show(...label, e.name, e.code, e.message);
    }
  }
}
