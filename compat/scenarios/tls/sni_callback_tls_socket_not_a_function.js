// covers: SNICallback, TLSSocket, isServer
// new TLSSocket(socket, {isServer: true, SNICallback}) checks a truthy
// SNICallback in its constructor: one that is no function is thrown there
// (ERR_INVALID_ARG_TYPE), after a bad secureContext and a bad ALPNCallback,
// before a bad ALPNProtocols or pskCallback. A falsy one is no callback, and a
// client-side socket does not look at it.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const context = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
function attempt(label, options) {
  try {
    const sock = new tls.TLSSocket(null, options);
    show(label, 'made');
    sock.destroy();
  } catch (err) {
    show(label, 'thrown', err, err instanceof TypeError, err.message);
  }
}
for (const [label, value] of [['string', 'x'], ['number', 1], ['true', true], ['object', {}], ['array', []],
  ['null', null], ['undefined', undefined], ['false', false], ['zero', 0], ['empty', '']]) {
  attempt(label, { isServer: true, secureContext: context, SNICallback: value });
  attempt('client ' + label, { isServer: false, SNICallback: value });
}
attempt('with bad secureContext', { isServer: true, secureContext: 5, SNICallback: 1 });
attempt('with bad ALPNCallback', { isServer: true, secureContext: context, SNICallback: 1, ALPNCallback: 2 });
attempt('with bad ALPNProtocols', { isServer: true, secureContext: context, SNICallback: 1, ALPNProtocols: 3 });
attempt('with bad pskCallback', { isServer: true, secureContext: context, SNICallback: 1, pskCallback: 3 });
