// covers: setSession, options.session
// setSession takes a Buffer (or a latin-1 string); anything else throws
// ERR_INVALID_ARG_TYPE "Session must be a buffer". Bytes OpenSSL cannot read
// are ignored: the handshake is a full one. options.session must be a Buffer
// (a string throws there), and a falsy one is no session.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') },
  (s) => { s.resume(); s.end(); });
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost' };
  for (const bad of ['str', 42, {}]) {
    try {
      tls.connect(Object.assign({}, opts, { session: bad }));
      show('connect accepted', bad);
    } catch (e) {
      show('connect throws', e, e.message, e instanceof TypeError);
    }
  }
  const c = tls.connect(Object.assign({}, opts, { session: Buffer.from('garbage') }));
  for (const bad of [42, {}, undefined, null, true]) {
    try {
      c.setSession(bad);
      show('setSession accepted', bad);
    } catch (e) {
      show('setSession throws', e, e.message);
    }
  }
  for (const ok of ['not a session', Buffer.alloc(0), new Uint8Array([1, 2, 3])]) {
    c.setSession(ok);
    show('setSession ignored', typeof ok);
  }
  c.on('secureConnect', () => show('secureConnect reused', c.isSessionReused(), c.authorized));
  c.resume();
  c.on('close', () => {
    const d = tls.connect(Object.assign({}, opts, { session: 0 }));
    d.on('secureConnect', () => show('falsy session secureConnect reused', d.isSessionReused()));
    d.resume();
    d.on('close', () => server.close());
  });
});
