// covers: createServer ticketKeys, server.setTicketKeys, server.getTicketKeys
// A ticket is sealed with the server's ticket keys: another server with the
// same ticketKeys resumes it, one with other keys does a full handshake (no
// error), until setTicketKeys() gives it the same keys; getTicketKeys() of a
// server is what another needs. In TLS 1.2 and 1.3.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const keys = Buffer.alloc(48);
for (let i = 0; i < 48; i++) keys[i] = i * 5 + 1;
const base = { key: cert('server-key.pem'), cert: cert('server-cert.pem') };

function ping(server, version, session, done) {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
                          servername: 'localhost', maxVersion: version, session });
  let reused = null;
  let kept = null;
  c.on('secureConnect', () => { reused = c.isSessionReused(); c.write('ping'); });
  c.on('end', () => { kept = c.getSession(); });
  c.resume();
  c.on('close', () => done(reused, kept));
}

function listen(opts, cb) {
  const server = tls.createServer(opts, (s) => s.on('data', (d) => s.end(d)));
  server.on('tlsClientError', (err) => show('tlsClientError', err));
  server.listen(0, '127.0.0.1', () => cb(server));
}

function run(version, next) {
  listen(Object.assign({ ticketKeys: keys, maxVersion: version }, base), (a) => {
    listen(Object.assign({ ticketKeys: a.getTicketKeys(), maxVersion: version }, base), (b) => {
      listen(Object.assign({ maxVersion: version }, base), (c) => {
        ping(a, version, undefined, (reused, session) => {
          show(version, 'a first', reused);
          ping(b, version, session, (reusedB) => {
            show(version, 'b same keys', reusedB);
            ping(c, version, session, (reusedC) => {
              show(version, 'c other keys', reusedC);
              c.setTicketKeys(keys);
              ping(c, version, session, (reusedC2) => {
                show(version, 'c after setTicketKeys', reusedC2);
                a.close();
                b.close();
                c.close(next);
              });
            });
          });
        });
      });
    });
  });
}

run('TLSv1.2', () => run('TLSv1.3', () => {}));
