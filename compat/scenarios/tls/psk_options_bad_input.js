// covers: pskCallback, pskIdentityHint, createServer, connect, TLSSocket
// tls.createServer checks pskCallback (a function) and pskIdentityHint (a
// string, even without a callback) as options, after its secure context; a
// falsy one is none. tls.connect checks pskCallback as the TLSSocket it
// makes does ('pskCallback', an argument) and does not pass pskIdentityHint
// on; a TLSSocket checks a hint only with a callback.
const tls = require('tls');
const { show } = require('../../trace');

function attempt(label, fn) {
  try {
    const made = fn();
    show(label, 'ok');
    if (made && typeof made.destroy === 'function') made.destroy();
    if (made && typeof made.close === 'function' && !made.destroy) made.close();
  } catch (err) {
    // OpenSSL's own message has its packed error number: its code says enough.
    const message = String(err.code).startsWith('ERR_SSL_') ? '' : err.message;
    show(label, 'throws', err, message, err instanceof TypeError);
  }
}

const noop = () => null;
attempt('createServer pskCallback 42', () => tls.createServer({ pskCallback: 42 }));
attempt('createServer pskCallback string', () => tls.createServer({ pskCallback: 'key' }));
attempt('createServer pskCallback 0', () => tls.createServer({ pskCallback: 0 }));
attempt('createServer pskCallback empty string', () => tls.createServer({ pskCallback: '' }));
attempt('createServer pskIdentityHint 42', () => tls.createServer({ pskCallback: noop, pskIdentityHint: 42 }));
attempt('createServer pskIdentityHint without callback', () => tls.createServer({ pskIdentityHint: true }));
attempt('createServer pskIdentityHint false', () => tls.createServer({ pskCallback: noop, pskIdentityHint: false }));
attempt('createServer bad ciphers first', () => tls.createServer({ ciphers: 'NOPE', pskCallback: 42 }));
attempt('connect pskCallback 42', () => tls.connect({ port: 1, pskCallback: 42 }));
attempt('connect pskCallback object', () => tls.connect({ port: 1, pskCallback: { psk: 'x' } }));
attempt('connect pskIdentityHint 42', () => {
  const sock = tls.connect({ port: 1, pskCallback: noop, pskIdentityHint: 42 });
  sock.on('error', () => {});
  return sock;
});
attempt('TLSSocket pskCallback 42', () => new tls.TLSSocket(null, { pskCallback: 42 }));
attempt('TLSSocket pskIdentityHint 42', () => new tls.TLSSocket(null, { isServer: true, pskCallback: noop,
  pskIdentityHint: 42 }));
attempt('TLSSocket pskIdentityHint without callback', () => new tls.TLSSocket(null, { isServer: true,
  pskIdentityHint: 42 }));
