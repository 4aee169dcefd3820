// covers: 'resumeSession' (Server)
// An error given to the 'resumeSession' callback destroys the connection: the
// server hears it as 'tlsClientError', the client sees the socket go before
// its handshake. A second call of the callback is ERR_MULTIPLE_CALLBACK.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

const clientLog = [];
const serverLog = [];
const c = (...a) => clientLog.push(a.map(fmt).join(' '));
const s = (...a) => serverLog.push(a.map(fmt).join(' '));
let n = 0;
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') },
  (sock) => s('secureConnection'));
server.on('resumeSession', (id, cb) => {
  n++;
  s('resumeSession', n);
  if (n === 1) {
    const err = new Error('no session store');
    err.code = 'EXAMPLE';
    cb(err);
  } else {
    cb(null, null);
    cb(null, null);
  }
});
server.on('tlsClientError', (err, sock) => s('tlsClientError', err, err.message));
server.on('connection', (sock) => sock.on('close', (hadError) => s('close', hadError)));
server.listen(0, '127.0.0.1', () => {
  const opts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), servername: 'localhost' };
  const run = (name, next) => {
    const sock = tls.connect(opts);
    sock.on('secureConnect', () => c(name, 'secureConnect'));
    sock.on('error', (err) => c(name, 'error', err));
    sock.on('close', () => { c(name, 'close'); next(); });
  };
  run('first', () => run('second', () => {
    server.close();
    setTimeout(() => {
      for (const line of clientLog) console.log('client', line);
      for (const line of serverLog) console.log('server', line);
    }, 50);
  }));
});
