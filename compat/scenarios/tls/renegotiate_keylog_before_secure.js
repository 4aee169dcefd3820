// covers: 'keylog' (TLSSocket), 'keylog' (Server), tlsSocket.renegotiate
// A TLS 1.2 renegotiation writes key log lines too: each side emits 'keylog'
// (a server's on the server) for the new handshake before its 'secure' (and
// before 'secureConnect' again, and before the renegotiate callback), whichever
// side starts it. Each side's events are recorded apart (the order between
// the two sides is the kernel's).
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

const label = (line) => String(line).split(' ')[0];

function run(initiator, next) {
  const clientLog = [];
  const serverLog = [];
  const c = (...a) => clientLog.push(a.map(fmt).join(' '));
  const s = (...a) => serverLog.push(a.map(fmt).join(' '));
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'),
    maxVersion: 'TLSv1.2' }, (sock) => {
    s('secureConnection');
    sock.on('secure', () => s('secure'));
    sock.on('data', (d) => s('data', String(d)));
    sock.on('end', () => { s('end'); sock.end(); });
    if (initiator === 'server') {
      s('renegotiate returns', sock.renegotiate({}, (err) => { s('callback', err); sock.write('go'); }));
    }
  });
  server.on('keylog', (line, sock) => s('keylog', label(line)));
  server.listen(0, '127.0.0.1', () => {
    const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
      servername: 'localhost' });
    let handshakes = 0;
    sock.on('keylog', (line) => c('keylog', label(line)));
    sock.on('secure', () => c('secure'));
    sock.on('secureConnect', () => {
      c('secureConnect');
      if (handshakes++ || initiator !== 'client') return;
      c('renegotiate returns', sock.renegotiate({}, (err) => { c('callback', err); sock.end('bye'); }));
    });
    sock.on('data', (d) => { c('data', String(d)); sock.end('bye'); });
    sock.on('close', () => {
      c('close');
      server.close();
      for (const line of clientLog) console.log(initiator, 'renegotiates: client', line);
      for (const line of serverLog) console.log(initiator, 'renegotiates: server', line);
      next();
    });
  });
}

run('client', () => run('server', () => {}));
