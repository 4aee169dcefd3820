// covers: getSession, isSessionReused, options.session
// getSession() is the session's DER bytes (a Buffer); given back as
// options.session, the next connection resumes it, on both sides.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const version = 'TLSv1.2';
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
  (s) => { show('server secureConnection reused', s.isSessionReused()); s.resume(); s.end(); });
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost' };
  const first = tls.connect(opts);
  show('before connect', first.getSession());
  let session = null;
  first.on('secureConnect', () => {
    session = first.getSession();
    show('first secureConnect', Buffer.isBuffer(session), session.length > 0, first.isSessionReused(),
      first.getProtocol());
  });
  first.resume();
  first.on('close', () => {
    show('first close', first.getSession());
    const second = tls.connect(Object.assign({ session }, opts));
    second.on('secureConnect', () => {
      const again = second.getSession();
      show('second secureConnect', second.isSessionReused(), second.authorized, Buffer.isBuffer(again));
    });
    second.resume();
    second.on('close', () => { show('second close'); server.close(); });
  });
});
