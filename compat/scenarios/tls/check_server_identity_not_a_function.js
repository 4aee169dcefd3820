// covers: connect, checkServerIdentity, ERR_INTERNAL_ASSERTION
// tls.connect asserts that checkServerIdentity is a function: left out it is
// tls.checkServerIdentity, but given as anything else, undefined and null
// included, the call throws ERR_INTERNAL_ASSERTION.
const tls = require('tls');
const { show } = require('../../trace');

const values = [['5', 5], ['string', 'x'], ['object', {}], ['true', true], ['null', null], ['undefined', undefined]];
for (const [label, value] of values) {
  try {
    tls.connect({ port: 1, host: '127.0.0.1', checkServerIdentity: value });
    show(label, 'ok');
  } catch (e) {
    show(label, e.name, e.code, JSON.stringify(e.message));
  }
}
const sock = tls.connect({ port: 1, host: '127.0.0.1' });
sock.on('error', (e) => show('left out', 'error', e));
