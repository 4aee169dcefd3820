// covers: Socket.push, Socket.setEncoding, Socket.setDefaultEncoding, ERR_UNKNOWN_ENCODING
const net = require('net');
const { show } = require('../../trace');

const s = new net.Socket();
show('push()', s.push(), s.readableLength);
show('setEncoding()', s.setEncoding() === s, s.readableEncoding);
for (const v of [undefined, 123, 'nope']) {
  try {
    s.setDefaultEncoding(v);
    show('setDefaultEncoding', v, 'ok');
  } catch (e) {
    show('setDefaultEncoding', v, e.code, e.message);
  }
}
show('setDefaultEncoding(latin1)', s.setDefaultEncoding('LATIN1') === s);
s.destroy();
