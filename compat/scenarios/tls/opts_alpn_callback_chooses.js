// covers: ALPNCallback, alpnProtocol
// The server's ALPNCallback gets the client's protocols and its SNI name
// (false without one) and chooses; both ends see its choice.
const { runCase } = require('../../tls_case');
const { show } = require('../../trace');

const ALPNCallback = ({ servername, protocols }) => {
  show('ALPNCallback', servername, protocols);
  return protocols[protocols.length - 1];
};
runCase({key: 'file:server-key.pem', cert: 'file:server-cert.pem', ALPNCallback},
        {ca: 'file:ca.pem', ALPNProtocols: ['h2', 'http/1.1', 'x-gnet']});
