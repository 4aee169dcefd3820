// covers: getEphemeralKeyInfo, setMaxSendFragment
// getEphemeralKeyInfo(): {} before the handshake, the key exchange's key after
// it on a client ({type, name, size}), null on the server's side and once
// closed. setMaxSendFragment(size): true for 512 to 16384, false outside,
// Node's int32 checks for the rest.
const tls = require('tls');
const { cert } = require('../../tls_case');
const { show } = require('../../trace');

const run = (version, curve, next) => {
  const server = tls.createServer({ key: cert('server-key.pem'), cert: cert('server-cert.pem'), maxVersion: version },
    (s) => { show('server', s.getEphemeralKeyInfo()); s.resume(); s.end(); });
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: cert('ca.pem'), ecdhCurve: curve });
    show('before', c.getEphemeralKeyInfo());
    for (const size of [512, 511, 16384, 16385, -1, '1', 1.5, 2 ** 31]) {
      try {
        show('setMaxSendFragment', size, c.setMaxSendFragment(size));
      } catch (e) {
        show('setMaxSendFragment', size, e, e.message);
      }
    }
    c.on('secureConnect', () => show(version, 'client', c.getEphemeralKeyInfo(), c.setMaxSendFragment(1024)));
    c.resume();
    c.on('close', () => { show('after', c.getEphemeralKeyInfo()); server.close(); next(); });
  });
};
run('TLSv1.3', 'auto', () => run('TLSv1.2', 'prime256v1', () => {}));
