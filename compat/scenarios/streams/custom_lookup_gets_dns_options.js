// covers: options.lookup, 'lookup', options.family, options.hints, options.autoSelectFamily
'use strict';
// A custom lookup(hostname, options, callback) gets the options Node would
// give dns.lookup: {family, hints} and, when the family is not fixed and
// autoSelectFamily is on (v20's default), all: true, in which case the
// callback takes a list. 'lookup' is emitted with (err, address, family, host).
// An IP literal host is never looked up. The lookup answers on a later turn.
const net = require('net');
const { show } = require('../../trace');

const server = net.createServer((conn) => conn.end());
const cases = [
  { host: 'example.test' },
  { host: 'example.test', family: 4 },
  { host: 'example.test', family: 'IPv4' },
  { host: 'example.test', family: 6 },
  { host: 'example.test', autoSelectFamily: false },
  { host: 'example.test', hints: 1024 },
  { host: '127.0.0.1' },
];

function run(i) {
  if (i === cases.length) return server.close();
  const sock = new net.Socket();
  sock.on('lookup', (err, address, family, host) => show(i, 'lookup event', err, address, family, host));
  sock.on('connect', () => {
    show(i, 'connect', sock.remoteAddress, sock.remoteFamily);
    sock.destroy();
  });
  sock.on('close', () => run(i + 1));
  sock.connect({
    port: server.address().port,
    ...cases[i],
    lookup(hostname, options, callback) {
      show(i, 'lookup', hostname, options);
      setImmediate(() => {
        if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
        else callback(null, '127.0.0.1', 4);
      });
    },
  });
}
server.listen(0, '127.0.0.1', () => run(0));
