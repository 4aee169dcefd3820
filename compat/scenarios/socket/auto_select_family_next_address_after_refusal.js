// covers: net.connect, autoSelectFamily, 'connectionAttempt', 'connectionAttemptFailed', 'connect'
const net = require('net');
const { show } = require('../../trace');

// The lookup answers two addresses; nothing listens on the first, so the
// socket tries the second with a handle of its own.
const server = net.createServer((s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const lookup = (host, opts, cb) => cb(null, [
    { address: '127.0.0.2', family: 4 },
    { address: '127.0.0.1', family: 4 },
  ]);
  const c = new net.Socket();
  c.on('connectionAttempt', (ip, p, family) => show('attempt', ip, p === port, family));
  c.on('connectionAttemptFailed', (ip, p, family, err) => show('failed', ip, family, err.code));
  c.on('connect', () => show('connect', c.remoteAddress, c.autoSelectFamilyAttemptedAddresses.length));
  c.on('error', (err) => show('error', err.code));
  c.on('close', () => { show('close'); server.close(); });
  c.resume();
  c.connect({ host: 'two.example', port, lookup, autoSelectFamily: true });
});
