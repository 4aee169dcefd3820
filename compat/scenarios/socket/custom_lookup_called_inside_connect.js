// covers: Socket.connect, options.lookup, 'lookup', Socket.connecting
const net = require('net');
const { show } = require('../../trace');

// A lookup that never answers: called before connect() returns, with Node's
// dns options; the socket stays connecting and holds nothing, so the
// program ends.
const quiet = new net.Socket();
let lookups = 0;
quiet.connect({
  port: 1, host: 'never.test',
  lookup: (host, opts, cb) => { lookups += 1; show('quiet lookup called', host, opts, typeof cb); },
});
show('quiet after connect', lookups, quiet.connecting, quiet.readyState);

// A lookup that answers at once: 'lookup' comes inside connect(), the error
// on a later tick.
const sync = new net.Socket();
sync.on('lookup', (err, address, family, host) => show('sync lookup', err, address, family, host));
sync.on('error', (err) => show('sync error', err));
sync.connect({
  port: 1, host: 'sync.test', family: 4,
  lookup: (host, opts, cb) => {
    show('sync lookup called', host, opts);
    cb(null, 'not an ip', 4);
    show('sync lookup answered');
  },
});
show('sync after connect', sync.connecting);
process.on('exit', () => show('exit', quiet.connecting, quiet.destroyed, sync.destroyed));
