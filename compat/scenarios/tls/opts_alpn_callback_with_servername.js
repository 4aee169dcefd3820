// covers: ALPNCallback, servername, alpnProtocol
// With SNI the callback sees the name the client sent (here under TLS 1.2).
const { runCase } = require('../../tls_case');
const { show } = require('../../trace');

runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', maxVersion: 'TLSv1.2',
         ALPNCallback: (info) => { show('ALPNCallback', info.servername, info.protocols); return 'b'; }},
        {ca: 'file:ca.pem', servername: 'localhost', ALPNProtocols: ['a', 'b']});
