// covers: ALPNCallback, ALPNProtocols, ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS, ERR_INVALID_ARG_TYPE
// tls.createServer refuses ALPNCallback beside ALPNProtocols (both truthy; an
// empty list is truthy) and does not look at the callback itself; a
// server-side TLSSocket checks it is a function; a client ignores it.
const tls = require('tls');
const { show } = require('../../trace');

const attempt = (label, fn) => {
  try { fn(); show(label, 'ok'); } catch (e) { show(label, e.name, e.code, e.message); }
};
attempt('server both', () => tls.createServer({ ALPNCallback: () => 'a', ALPNProtocols: ['a'] }));
attempt('server both, empty list', () => tls.createServer({ ALPNCallback: () => 'a', ALPNProtocols: [] }));
attempt('server both, callback 5', () => tls.createServer({ ALPNCallback: 5, ALPNProtocols: ['a'] }));
attempt('server callback 5', () => tls.createServer({ ALPNCallback: 5 }));
attempt('server callback 0, list', () => tls.createServer({ ALPNCallback: 0, ALPNProtocols: ['a'] }));
attempt('server setSecureContext', () => tls.createServer({ ALPNCallback: () => 'a' }).setSecureContext({ ALPNProtocols: ['a'] }));
attempt('TLSSocket server callback 5', () => new tls.TLSSocket(null, { isServer: true, ALPNCallback: 5 }));
attempt('TLSSocket server both', () => new tls.TLSSocket(null, { isServer: true, ALPNCallback: () => 'a', ALPNProtocols: ['a'] }));
attempt('TLSSocket client callback 5', () => new tls.TLSSocket(null, { ALPNCallback: 5 }));
attempt('connect callback 5', () => tls.connect({ port: 1, ALPNCallback: 5 }).on('error', () => {}).destroy());
show('server.ALPNCallback', typeof tls.createServer({ ALPNCallback: () => 'a' }).ALPNCallback);
