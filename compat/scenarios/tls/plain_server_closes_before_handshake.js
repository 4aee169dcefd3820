// covers: tls.connect, ECONNRESET before secureConnect, 'end', 'error', 'close'
const net = require('net');
const tls = require('tls');
const { show } = require('../../trace');

const server = net.createServer((raw) => raw.end());
server.listen(0, '127.0.0.1', () => {
  const sock = tls.connect(server.address().port, '127.0.0.1');
  sock.on('connect', () => show('connect'));
  sock.on('end', () => show('end'));
  sock.on('error', (err) => show('error', err, err.message, err.host, err.port === server.address().port));
  sock.on('close', (hadError) => { show('close', hadError); server.close(); });
});
