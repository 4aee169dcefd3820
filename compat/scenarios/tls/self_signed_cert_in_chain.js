// covers: SELF_SIGNED_CERT_IN_CHAIN
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-chain.pem'}, {});
