// covers: ALPNCallback, alpnProtocol
// A client offering no protocol: the server's ALPNCallback is not called and
// no protocol is chosen (alpnProtocol false on both ends).
const { runCase } = require('../../tls_case');
const { show } = require('../../trace');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', ALPNCallback: () => { show('called'); return 'a'; }},
        {ca: 'file:ca.pem'});
