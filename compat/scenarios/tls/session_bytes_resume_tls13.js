// covers: getSession, isSessionReused, options.session
// TLS 1.3: the session at 'secureConnect' has no ticket yet; the one read at
// 'end' (after the server's tickets) resumes the next connection, which gets
// no new ticket (no 'session'). The server writes nothing before the client
// does (see docs/differences.md: when a gnet server sends its TLS 1.3 tickets).
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const version = 'TLSv1.3';
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
  (s) => { show('server secureConnection reused', s.isSessionReused()); s.on('data', (d) => s.end(d)); });
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost' };
  const first = tls.connect(opts);
  show('before connect', first.getSession());
  let session = null;
  first.on('secureConnect', () => {
    session = first.getSession();
    show('first secureConnect', Buffer.isBuffer(session), session.length > 0, first.isSessionReused(),
      first.getProtocol());
    first.write('ping');
  });
  first.on('end', () => {
    const later = first.getSession();
    show('first end', Buffer.isBuffer(later), later.equals(session));
    session = later;
  });
  first.resume();
  first.on('close', () => {
    show('first close', first.getSession());
    const second = tls.connect(Object.assign({ session }, opts));
    second.on('session', () => show('second session'));
    second.on('secureConnect', () => {
      const again = second.getSession();
      show('second secureConnect', second.isSessionReused(), second.authorized, Buffer.isBuffer(again));
      second.write('ping');
    });
    second.resume();
    second.on('close', () => { show('second close'); server.close(); });
  });
});
