// covers: 'session' (TLSSocket)
// TLS 1.2: the session made by the handshake waits for tls.connect's checks:
// 'session' (its DER bytes) right after 'secureConnect', before any data; it
// resumes the next connection, which gets none (the server kept its ticket).
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const version = 'TLSv1.2';
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
  (s) => { s.write('hello'); s.on('data', (d) => s.end(d)); });
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost' };
  const run = (name, session, next) => {
    const c = tls.connect(Object.assign({ session }, opts));
    let last = null;
    c.on('secureConnect', () => { show(name, 'secureConnect', c.isSessionReused()); c.write('ping'); });
    c.on('session', (s) => {
      show(name, 'session', Buffer.isBuffer(s), s.equals(c.getSession()), c.secureConnecting);
      last = s;
    });
    c.on('data', (d) => show(name, 'data', String(d)));
    c.on('end', () => show(name, 'end'));
    c.on('close', () => { show(name, 'close'); next(last); });
  };
  run('first', undefined, (s) => run('second', s, () => server.close()));
});
