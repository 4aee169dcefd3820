// covers: options.lookup, 'lookup', 'error', 'close', ERR_INVALID_IP_ADDRESS
'use strict';
// An error passed to the lookup callback is emitted as 'lookup' (with the
// error) and then as 'error', followed by 'close' with hadError true. An
// address that is not an IP is Node's ERR_INVALID_IP_ADDRESS, emitted after a
// 'lookup' event carrying it.
const net = require('net');
const { show } = require('../../trace');

const s = new net.Socket();
s.on('lookup', (err, address, family, host) => show('lookup event', err, err && err.message, address, family, host));
s.on('error', (e) => show('error', e, e.message));
s.on('close', (hadError) => {
  show('close', hadError);
  const t = new net.Socket();
  t.on('lookup', (err, address, family, host) => show('second lookup event', err, address, family, host));
  t.on('error', (e) => show('second error', e, e.message));
  t.on('close', (hadError2) => show('second close', hadError2));
  t.connect({
    port: 80,
    host: 'bad.test',
    family: 4,
    lookup(hostname, options, cb) { setImmediate(() => cb(null, 'not-an-ip', 4)); },
  });
});
s.connect({
  port: 80,
  host: 'nowhere.test',
  family: 4,
  lookup(hostname, options, cb) {
    const err = new Error('getaddrinfo ENOTFOUND nowhere.test');
    err.code = 'ENOTFOUND';
    setImmediate(() => cb(err));
  },
});
show('connecting', s.connecting);
