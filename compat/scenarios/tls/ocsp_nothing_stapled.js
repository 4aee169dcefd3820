// covers: 'OCSPRequest' (Server), 'OCSPResponse' (TLSSocket)
// What staples nothing, and the client's 'OCSPResponse' then: null. The
// callback given null, no response, an empty buffer, or another falsy value;
// a server with no 'OCSPRequest' listener (the client still hears null). A
// client without requestOCSP brings no 'OCSPRequest' and hears nothing.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const answers = [
  ['null', (cb) => cb(null, null)],
  ['no response', (cb) => cb(null)],
  ['empty buffer', (cb) => cb(null, Buffer.alloc(0))],
  ['zero', (cb) => cb(null, 0)],
  ['empty string', (cb) => cb(null, '')],
];
let answer = null;
const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') },
  (sock) => sock.end());
const onRequest = (certificate, issuer, callback) => { show(answer[0], 'OCSPRequest'); answer[1](callback); };
server.on('OCSPRequest', onRequest);

function connect(name, requestOCSP, next) {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
    servername: 'localhost', requestOCSP });
  c.on('OCSPResponse', (response) => show(name, 'OCSPResponse', response));
  c.on('secureConnect', () => show(name, 'secureConnect'));
  c.on('close', next);
  c.resume();
}

server.listen(0, '127.0.0.1', () => {
  const each = (i) => {
    if (i < answers.length) {
      answer = answers[i];
      connect(answer[0], true, () => each(i + 1));
      return;
    }
    server.removeListener('OCSPRequest', onRequest);
    connect('no listener', true, () => {
      server.on('OCSPRequest', () => show('not requested', 'OCSPRequest'));
      connect('not requested', false, () => server.close());
    });
  };
  each(0);
});
