// covers: tls.connect, 'error', UNABLE_TO_VERIFY_LEAF_SIGNATURE, 'tlsClientError'
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem'}, {});
