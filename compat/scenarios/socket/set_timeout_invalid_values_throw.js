// covers: Socket.setTimeout, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE
const net = require('net');
const { show } = require('../../trace');

const c = new net.Socket();
for (const [label, args] of [
  ['negative', [-1]],
  ['string', ['100']],
  ['NaN', [NaN]],
  ['callback not a function', [10, 'nope']],
]) {
  try {
    c.setTimeout(...args);
    show(label, 'accepted', c.timeout);
  } catch (err) {
    show(label, err, err.message);
  }
}
show('timeout after failures', c.timeout);
c.destroy();
