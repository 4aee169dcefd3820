// covers: 'newSession' (Server), 'resumeSession' (Server)
// TLS 1.3: the sessions are tickets sent after the handshake, so 'newSession'
// comes once per ticket after 'secureConnection'. The ClientHello's session id
// is TLS 1.3's random legacy one: 'resumeSession' hears it and knows nothing,
// and the connection resumes from its ticket all the same, and gets no new
// ticket: no 'newSession' on the resumed connection.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

const clientLog = [];
const serverLog = [];
const c = (...a) => clientLog.push(a.map(fmt).join(' '));
const s = (...a) => serverLog.push(a.map(fmt).join(' '));
const store = new Map();
const ids = [];
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: 'TLSv1.3' },
  (sock) => { s('secureConnection', sock.isSessionReused()); sock.on('data', (d) => sock.end(d)); });
server.on('newSession', (id, data, cb) => {
  s('newSession', Buffer.isBuffer(id), id.length, Buffer.isBuffer(data), typeof cb);
  ids.push(id);
  store.set(id.toString('hex'), data);
  cb();
});
server.on('resumeSession', (id, cb) => {
  s('resumeSession', Buffer.isBuffer(id), id.length, store.has(id.toString('hex')),
    ids.some((known) => known.equals(id)), typeof cb);
  cb(null, store.get(id.toString('hex')) || null);
});
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost',
               };
  const run = (name, session, next) => {
    const sock = tls.connect(Object.assign({ session }, opts));
    sock.on('secureConnect', () => { c(name, 'secureConnect', sock.isSessionReused()); sock.write('ping'); });
    sock.on('data', (d) => c(name, 'data', String(d)));
    let kept = null;
    sock.on('close', () => { c(name, 'close'); next(kept); });
    sock.on('end', () => { c(name, 'end'); kept = sock.getSession(); });
  };
  run('first', undefined, (session) => run('second', session, () => {
    server.close();
    for (const line of clientLog) console.log('client', line);
    for (const line of serverLog) console.log('server', line);
  }));
});
