// covers: SNICallback (createServer), addContext (Server), 'OCSPRequest' (Server)
// SNI chooses the certificate before 'OCSPRequest' in every form: an
// SNICallback that answers later (from a timer), contexts added with
// addContext alone (no SNICallback), and a client that sends no name (no
// SNICallback call: the server's own certificate). TLS 1.3, then TLS 1.2.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

const sniContext = tls.createSecureContext({ key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
const sniDer = new (require('crypto').X509Certificate)(cert('sni-cert.pem')).raw;
const log = [];
// Each side's lines apart (the order between the two is the kernel's).
const l = (...a) => log.push([a[1].startsWith('client') ? 1 : 2, a.map(fmt).join(' ')]);
let name = null;
const cases = [];
for (const v of ['TLSv1.3', 'TLSv1.2']) {
  for (const n of ['later', 'addContext', 'no servername']) cases.push([v, n]);
}

function run(i) {
  if (i === cases.length) {
    for (const side of [1, 2]) for (const [s, line] of log) if (s === side) console.log(line);
    return;
  }
  const [version, kind] = cases[i];
  name = version + ' ' + kind;
  const opts = { key: cert('server-key.pem'), cert: cert('server-cert.pem') };
  if (kind !== 'addContext') {
    opts.SNICallback = (servername, callback) => {
      l(name, 'SNICallback', servername);
      setTimeout(() => { l(name, 'SNICallback answers'); callback(null, sniContext); }, 20);
    };
  }
  const server = tls.createServer(opts, (sock) => { l(name, 'secureConnection', sock.servername); sock.end(); });
  if (kind === 'addContext') server.addContext('*.example', { key: cert('sni-key.pem'), cert: cert('sni-cert.pem') });
  server.on('OCSPRequest', (certificate, issuer, callback) => {
    l(name, 'OCSPRequest', certificate.equals(sniDer), issuer !== null);
    callback(null, Buffer.from('ok'));
  });
  server.listen(0, '127.0.0.1', () => {
    const copts = { port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), maxVersion: version,
      requestOCSP: true };
    if (kind !== 'no servername') copts.servername = 'sni.example';
    else copts.checkServerIdentity = () => undefined;
    const sock = tls.connect(copts);
    sock.on('OCSPResponse', (response) => l(name, 'client OCSPResponse', response));
    sock.on('secureConnect', () => l(name, 'client secureConnect', sock.authorized,
      sock.getPeerCertificate().subjectaltname));
    sock.on('error', (err) => l(name, 'client error', err));
    sock.on('close', () => { server.close(); run(i + 1); });
    sock.resume();
  });
}

run(0);
