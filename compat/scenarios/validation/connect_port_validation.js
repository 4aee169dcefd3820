// covers: net.connect, net.createConnection, options.port, ERR_SOCKET_BAD_PORT, ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS
'use strict';
// Bad and odd ports given to connect(), as an option and positionally. A call
// that Node accepts prints `ok` and its socket is destroyed at once, so
// nothing is left in flight.
const net = require('net');
const { show } = require('../../trace');

function kind(err) {
  return err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
}
function attempt(label, fn) {
  try {
    const sock = fn();
    show(label, 'ok');
    sock.destroy();
  } catch (err) {
    show(label, err.code, err.message, kind(err));
  }
}

const ports = [-1, 65536, 1.5, NaN, true, false, '', ' ', '0x', 'abc', {}, [], '-1', '65536', '1.5',
  Infinity, -Infinity, 2 ** 53, '0x1f90', '8080', ' 8080 ', '1e3', 0, '0'];
ports.forEach((port, i) => {
  attempt('options ' + i, () => net.connect({ port, host: '127.0.0.1' }));
});
ports.forEach((port, i) => {
  if ([8, 9, 11].includes(i)) return; // '0x' and 'abc' are paths here; an array is an options object
  attempt('createConnection ' + i, () => net.createConnection(port, '127.0.0.1'));
});
attempt('no args', () => net.connect());
attempt('empty options', () => net.connect({}));
attempt('host only', () => net.connect({ host: '127.0.0.1' }));
attempt('port undefined', () => net.connect({ port: undefined, host: '127.0.0.1' }));
attempt('positional undefined', () => net.connect(undefined, '127.0.0.1'));
