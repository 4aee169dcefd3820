// covers: DEPTH_ZERO_SELF_SIGNED_CERT
const { runCase } = require('../../tls_case');

runCase({key: 'file:self-signed-key.pem', cert: 'file:self-signed-cert.pem'}, {});
