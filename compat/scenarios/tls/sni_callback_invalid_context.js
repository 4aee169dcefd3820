// covers: SNICallback (createServer), 'tlsClientError' (Server)
// The SNICallback's callback given an object that is not a SecureContext
// (createSecureContext's options, an array, a Buffer) fails the handshake
// with a TypeError 'Invalid SNI context' (no code); a value that is not an
// object (a string, a number, true) is ignored and the server's own context
// serves the connection; a SecureContext's native context (or an object
// whose 'context' is one) serves as the SecureContext does.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

const sniOptions = { key: cert('sni-key.pem'), cert: cert('sni-cert.pem') };
const sniContext = tls.createSecureContext(sniOptions);
const answers = [
  ['options', sniOptions], ['array', []], ['buffer', Buffer.from('x')], ['string', 'x'], ['number', 5],
  ['true', true], ['native', sniContext.context], ['wrapped', { context: sniContext.context }],
];
const clientLog = [];
const serverLog = [];
const c = (...a) => clientLog.push(a.map(fmt).join(' '));
const s = (...a) => serverLog.push(a.map(fmt).join(' '));
let name = null;
let answer = null;
function SNICallback(servername, callback) {
  s(name, 'SNICallback', servername);
  callback(null, answer);
}
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), SNICallback }, (sock) => {
  s(name, 'secureConnection');
  sock.end();
});
server.on('tlsClientError', (err, sock) => s(name, 'tlsClientError', err, err.name, String(err.message), sock.destroyed));
// The next connection starts once both ends of this one have closed.
let pending = 0;
let next = null;
const done = () => { if (--pending === 0) next(); };
server.on('connection', (sock) => sock.on('close', () => { s(name, 'close'); done(); }));

const names = [];
for (const v of ['TLSv1.3', 'TLSv1.2']) for (const [n] of answers) names.push(v + ' ' + n);
function run(i) {
  if (i === names.length) {
    server.close();
    for (const line of clientLog) console.log('client', line);
    for (const line of serverLog) console.log('server', line);
    return;
  }
  name = names[i];
  answer = answers[i % answers.length][1];
  pending = 2;
  next = () => run(i + 1);
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'sni.example', maxVersion: name.split(' ')[0], checkServerIdentity: () => undefined });
  sock.on('secureConnect', () => c(names[i], 'secureConnect', sock.getPeerCertificate().subject.CN));
  sock.on('error', (err) => c(names[i], 'error', err, err.message));
  sock.on('close', () => { c(names[i], 'close'); done(); });
  sock.resume();
}

server.listen(0, '127.0.0.1', () => run(0));
