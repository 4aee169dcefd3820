// covers: createServer sessionTimeout, createSecureContext sessionTimeout
// sessionTimeout is the server's session lifetime (SSL_CTX_set_timeout): its
// tickets tell the client so (the lifetime hint in the session's DER, field
// [9]), in TLS 1.2 and 1.3, on a tls.Server and on a server-side TLSSocket
// with its own context. A sessionTimeout of 0 gives OpenSSL's default (7200 s)
// hint. A context chosen by SNICallback does not change it: the session
// belongs to the server's own context.
const net = require('net');
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

function lifetimeHint(der) {
  // The SSL_SESSION SEQUENCE's children; [9] holds an INTEGER.
  let i = (der[1] & 0x80) ? 2 + (der[1] & 0x7f) : 2;
  while (i < der.length) {
    const tag = der[i];
    let len = der[i + 1];
    let head = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + der[i + 2 + k];
      head += n;
    }
    if (tag === 0xa9) return der.readUIntBE(i + head + 2, der[i + head + 1]);
    i += head + len;
  }
  return null;
}

const base = { key: cert('server-key.pem'), cert: cert('server-cert.pem') };
const cases = [
  ['TLSv1.2 sessionTimeout 42', Object.assign({ maxVersion: 'TLSv1.2', sessionTimeout: 42 }, base)],
  ['TLSv1.3 sessionTimeout 42', Object.assign({ maxVersion: 'TLSv1.3', sessionTimeout: 42 }, base)],
  ['TLSv1.3 no sessionTimeout', Object.assign({ maxVersion: 'TLSv1.3' }, base)],
  ['TLSv1.3 server sessionTimeout 0', Object.assign({ maxVersion: 'TLSv1.3', sessionTimeout: 0 }, base)],
  ['TLSv1.3 SNI context sessionTimeout 5', Object.assign({ maxVersion: 'TLSv1.3', sessionTimeout: 42,
    SNICallback: (name, cb) => cb(null, tls.createSecureContext(Object.assign({ sessionTimeout: 5 }, base))) }, base)],
  ['TLSv1.2 TLSSocket context sessionTimeout 0', Object.assign({ maxVersion: 'TLSv1.2' }, base), 0],
  ['TLSv1.3 TLSSocket context sessionTimeout 3', Object.assign({ maxVersion: 'TLSv1.3' }, base), 3],
];

function next() {
  const item = cases.shift();
  if (!item) return;
  const [name, opts, contextTimeout] = item;
  let server;
  if (contextTimeout === undefined) {
    server = tls.createServer(opts, (s) => s.on('data', (d) => s.end(d)));
  } else {
    // A server-side TLSSocket over a net server's socket, with its own context.
    const secureContext = tls.createSecureContext(Object.assign({ sessionTimeout: contextTimeout }, opts));
    server = net.createServer((raw) => {
      const s = new tls.TLSSocket(raw, { isServer: true, secureContext });
      s.on('data', (d) => s.end(d));
    });
  }
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
                            servername: 'localhost' });
    const hints = [];
    c.on('session', (session) => hints.push(lifetimeHint(session)));
    c.on('secureConnect', () => c.write('x'));
    c.resume();
    c.on('close', () => {
      show(name, 'server.sessionTimeout', server.sessionTimeout, 'hints', hints.join(' '));
      server.close(next);
    });
  });
}
next();
