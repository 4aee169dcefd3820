// covers: 'keylog' (TLSSocket), 'keylog' (Server)
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (s) => s.resume());
let serverLines = 0;
server.on('keylog', (line, sock) => { serverLines++; });
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem') });
  c.on('keylog', (line) => show('keylog', String(line).split(' ')[0], String(line).endsWith('\n')));
  c.on('secureConnect', () => { show('secureConnect'); c.end(); });
  c.on('close', () => { show('close', serverLines); server.close(); });
  c.resume();
});
