// covers: tlsSocket.enableTrace, tls.connect enableTrace, createServer enableTrace
// enableTrace is a boolean option of tls.connect (anything else throws
// ERR_INVALID_ARG_TYPE); enableTrace() returns nothing, and the connection
// goes on as without it (the trace itself goes to stderr).
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

for (const bad of ['yes', 1, {}]) {
  try {
    tls.connect({ port: 1, enableTrace: bad });
    show('connect accepted', bad);
  } catch (e) {
    show('connect throws', e, e.message);
  }
}
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), enableTrace: false },
  (s) => { show('server secureConnection'); s.end('hi'); });
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
                          servername: 'localhost', enableTrace: false });
  show('enableTrace returned', c.enableTrace());
  c.on('secureConnect', () => show('client secureConnect', c.authorized));
  c.on('data', (d) => show('client data', String(d)));
  c.on('close', () => { show('client close'); server.close(); });
});
