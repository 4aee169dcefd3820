// covers: net.connect, autoSelectFamily, 'connectionAttempt', autoSelectFamilyAttemptedAddresses
const net = require('net');
const { show } = require('../../trace');

// A lookup that answers at once: the first 'connectionAttempt' is emitted
// inside connect(), so a listener added after connect() returns misses it
// and autoSelectFamilyAttemptedAddresses already holds the first address.
const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const lookup = (host, opts, cb) => cb(null, [
    { address: '127.0.0.2', family: 4 },
    { address: '127.0.0.1', family: 4 },
  ]);
  const c = new net.Socket();
  c.on('connectionAttempt', (ip) => show('attempt before', ip));
  c.connect({ host: 'two.example', port, lookup, autoSelectFamily: true });
  show('returned', c.autoSelectFamilyAttemptedAddresses.length, c.connecting);
  c.on('connectionAttempt', (ip) => show('attempt after', ip));
  c.on('connectionAttemptFailed', (ip, p, family, err) => show('failed', ip, err.code));
  c.on('connect', () => show('connect', c.autoSelectFamilyAttemptedAddresses.length));
  c.on('close', () => { show('close'); server.close(); });
  c.resume();
});
