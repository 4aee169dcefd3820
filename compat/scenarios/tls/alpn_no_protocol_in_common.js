// covers: ALPNProtocols, tlsClientError, ERR_SSL_NO_APPLICATION_PROTOCOL
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', ALPNProtocols: ['h2']}, {ca: 'file:ca.pem', ALPNProtocols: ['http/1.1']});
