// covers: 'OCSPRequest' (Server)
// The server follows 'OCSPRequest' for a connection when it has a listener as
// the connection is made (before 'connection'), and emits it if it still has
// one when the ClientHello is read: a listener added in 'connection' hears
// nothing, nor does one removed there.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

let name = null;
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (sock) => sock.end());
const listener = () => show(name, 'OCSPRequest');
const stapler = (certificate, issuer, callback) => { show(name, 'OCSPRequest'); callback(null, Buffer.from('r')); };
server.on('connection', () => {
  show(name, 'connection', server.listenerCount('OCSPRequest'));
  if (name === 'added on connection') server.on('OCSPRequest', stapler);
  else if (name === 'removed on connection') server.removeListener('OCSPRequest', stapler);
});

function connect(label, next) {
  name = label;
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'localhost', requestOCSP: true });
  c.on('OCSPResponse', (response) => show(label, 'OCSPResponse', response));
  c.on('secureConnect', () => show(label, 'secureConnect'));
  c.on('close', next);
  c.resume();
}

server.listen(0, '127.0.0.1', () => {
  connect('added on connection', () => {
    connect('present', () => {
      connect('removed on connection', () => server.close());
    });
  });
});
