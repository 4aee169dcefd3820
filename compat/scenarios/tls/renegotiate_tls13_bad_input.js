// covers: tlsSocket.renegotiate
// renegotiate(options, callback): options must be an object, callback a
// function (thrown). Under TLS 1.3 it returns false and the callback gets
// OpenSSL's "wrong ssl version" error on the next tick; on a destroyed socket
// it returns undefined and never calls back.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem') }, (s) => {
  s.resume();
  s.on('end', () => s.end());
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'),
                          servername: 'localhost' });
  c.on('secure', () => show('client secure'));
  c.on('secureConnect', () => {
    show('secureConnect', c.getProtocol());
    for (const [opts, cb] of [[undefined, undefined], [42, undefined], ['x', undefined], [[], undefined],
                              [{}, 42]]) {
      try {
        c.renegotiate(opts, cb);
        show('accepted', opts, cb);
      } catch (e) {
        show('throws', e, e.message, e instanceof TypeError);
      }
    }
    const ret = c.renegotiate({}, (err) => {
      show('callback', err, err.message, err.library, err.reason, err instanceof Error);
      show('no callback returns', c.renegotiate({ rejectUnauthorized: false }));
      c.end();
    });
    show('returned', ret);
  });
  c.on('close', () => {
    show('destroyed returns', c.renegotiate({}, () => show('destroyed callback')));
    setImmediate(() => server.close());
  });
});
