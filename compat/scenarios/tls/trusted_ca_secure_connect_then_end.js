// covers: tls.connect, tls.createServer, 'secureConnect', 'secureConnection', authorized, TLSSocket.end
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem'}, {ca: 'file:ca.pem'});
