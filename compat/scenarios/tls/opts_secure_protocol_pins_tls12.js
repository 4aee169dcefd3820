// covers: secureProtocol
// TLSv1_2_method on the server, TLSv1_2_client_method on the client: TLS 1.2
// where both would otherwise agree on TLS 1.3.
const { runCase } = require('../../tls_case');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', secureProtocol: 'TLSv1_2_method'},
        {ca: 'file:ca.pem', secureProtocol: 'TLSv1_2_client_method'});
