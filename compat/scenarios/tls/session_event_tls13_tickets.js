// covers: 'session' (TLSSocket)
// TLS 1.3: the sessions are the tickets the server sends after the handshake,
// one 'session' each, after 'secureConnect' and before the data that follows
// them; the last resumes the next connection. (The server writes nothing in
// 'secureConnection', and the resumed connection's tickets are not shown:
// docs/differences.md says when a gnet server sends its TLS 1.3 tickets.)
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const version = 'TLSv1.3';
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
  (s) => { s.on('data', (d) => s.end(d)); });
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost' };
  const run = (name, session, next) => {
    const c = tls.connect(Object.assign({ session }, opts));
    let last = null;
    c.on('secureConnect', () => { show(name, 'secureConnect', c.isSessionReused()); c.write('ping'); });
    c.on('session', (s) => {
      if (name === 'first') show(name, 'session', Buffer.isBuffer(s), c.secureConnecting);
      last = s;
    });
    c.on('data', (d) => show(name, 'data', String(d)));
    c.on('end', () => show(name, 'end'));
    c.on('close', () => { show(name, 'close'); next(last); });
  };
  run('first', undefined, (s) => run('second', s, () => server.close()));
});
