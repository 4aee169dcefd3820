// covers: tls.TLSSocket, STARTTLS, 'secure', tls.connect socket option
const net = require('net');
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = net.createServer((raw) => {
  raw.once('data', (d) => {
    show('server got', String(d));
    raw.write('GO\n', () => {
      const secure = new tls.TLSSocket(raw, { isServer: true, key: cert('server-key.pem'), cert: cert('server-cert.pem') });
      secure.on('secure', () => show('server secure', secure.encrypted, secure.getProtocol()));
      secure.on('data', (d) => { show('server data', String(d)); secure.end('PONG\n'); });
      secure.on('end', () => show('server end'));
      secure.on('close', () => { show('server close'); server.close(); });
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const raw = net.connect(server.address().port, '127.0.0.1', () => raw.write('STARTTLS\n'));
  raw.once('data', (d) => {
    show('client got', String(d));
    const secure = tls.connect({ socket: raw, ca: cert('ca.pem'), servername: 'localhost' }, () => {
      show('client secureConnect', secure.authorized);
      secure.write('PING\n');
    });
    secure.on('data', (d) => show('client data', String(d)));
    secure.on('end', () => show('client end'));
    secure.on('close', () => show('client close'));
  });
});
