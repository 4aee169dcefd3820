// covers: handshakeTimeout, ERR_TLS_HANDSHAKE_TIMEOUT, 'tlsClientError'
const net = require('net');
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), handshakeTimeout: 50 });
server.on('tlsClientError', (err, sock) => { show('tlsClientError', err, err.message, sock.destroyed); sock.destroy(); });
server.listen(0, '127.0.0.1', () => {
  const raw = net.connect(server.address().port, '127.0.0.1');   // never says hello
  raw.on('end', () => show('client end'));
  raw.on('close', () => { show('client close'); server.close(); });
});
