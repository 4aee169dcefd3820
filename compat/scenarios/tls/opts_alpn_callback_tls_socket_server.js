// covers: ALPNCallback, TLSSocket, isServer
// A server-side TLSSocket (over a net.Server's socket) with its own
// ALPNCallback: it chooses for its connection; a result the client did not
// offer is that socket's 'error'.
const net = require('net');
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const context = tls.createSecureContext({ key: cert('server-key.pem'), cert: cert('server-cert.pem') });
const results = ['b', 'zz'];
let i = 0;
let closed = 0;
const closedOne = () => { if (++closed % 2 === 0) { i += 1; next(); } };
const server = net.createServer((raw) => {
  const n = i;
  const sock = new tls.TLSSocket(raw, { isServer: true, secureContext: context,
                                        ALPNCallback: ({ protocols }) => results[n] });
  sock.on('secure', () => show(n, 'server secure', sock.alpnProtocol));
  sock.on('error', (err) => show(n, 'server error', err, err.message));
  sock.on('close', () => { show(n, 'server close'); closedOne(); });
});
const next = () => {
  if (i === results.length) return server.close();
  const sock = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), ALPNProtocols: ['a', 'b'] });
  sock.on('secureConnect', () => { show(i, 'client secureConnect', sock.alpnProtocol); sock.end(); });
  sock.on('error', (err) => show(i, 'client error', err));
  sock.on('close', closedOne);
};
server.listen(0, '127.0.0.1', next);
