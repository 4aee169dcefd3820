// covers: Socket.connect, options.lookup, ERR_INVALID_ADDRESS_FAMILY, 'lookup', 'error'
const net = require('net');
const { show } = require('../../trace');

function watch(name, socket) {
  socket.on('lookup', (err, address, family) => show(name, 'lookup', err, address, family));
  socket.on('error', (err) => show(name, 'error', err, err.message, err.host, err.port));
  return socket;
}

// One address (a family given), then the autoSelectFamily path (all: true).
watch('one', new net.Socket()).connect({
  port: 81, host: 'foo.test', family: 4,
  lookup: (host, opts, cb) => cb(null, '127.0.0.1', 5),
});
watch('all', new net.Socket()).connect({
  port: 82, host: 'bar.test', autoSelectFamily: true,
  lookup: (host, opts, cb) => cb(null, [{ address: '127.0.0.1', family: 5 }]),
});
