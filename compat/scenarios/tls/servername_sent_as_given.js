// covers: servername (connect), servername (TLSSocket), SNICallback
// A client sends its servername as it is given (UTF-8, no IDNA): an empty
// label, a space, a trailing dot, a non-ASCII name; the server reads the
// bytes as a one-byte string, and so does the client's servername. A name
// over 255 bytes is not sent (servername false on both ends). An IP address
// is sent too, with a DeprecationWarning (DEP0123), once.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { fmt } = require('../../trace');

// Each end's lines apart, the client's first (the order between the two is the kernel's).
const lines = { client: [], server: [], warning: [] };
process.on('warning', (w) => show('warning', w.name, w.code, w.message));
const show = (who, ...a) => lines[who].push([who, ...a].map(fmt).join(' '));

const names = ['.example', 'a..b', 'ex ample', '\u00e9.example', 'a.example.', 'x'.repeat(300), '127.0.0.1', '::1'];
const server = tls.createServer({
  key: cert('server-key.pem'), cert: cert('server-cert.pem'),
  SNICallback: (name, cb) => { show('server', 'SNICallback', name); cb(null, null); },
}, (sock) => { show('server', 'secureConnection', sock.servername); sock.end(); });
function run(i) {
  if (i === names.length) {
    server.close();
    for (const line of [...lines.client, ...lines.server, ...lines.warning]) console.log(line);
    return;
  }
  const servername = names[i];
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', servername, rejectUnauthorized: false });
  // The next name once both ends have closed.
  let closed = 0;
  const done = () => { if (++closed === 2) run(i + 1); };
  server.once('connection', (s) => s.on('close', done));
  sock.on('secureConnect', () => { show('client', 'secureConnect', servername.length, sock.servername); sock.end(); });
  sock.on('error', (e) => show('client', 'error', e.code));
  sock.on('close', done);
  sock.resume();
}
server.listen(0, '127.0.0.1', () => run(0));
