// covers: socket.wrap
'use strict';
// wrap(old): while push() says the buffer is full, old.pause() is called;
// old.resume() when the socket reads again. A string chunk is pushed as
// UTF-8. The old stream's own functions that the socket lacks are copied
// onto it, bound to the old stream (all but its first own key).
const net = require('net');
const EventEmitter = require('events');
const { show } = require('../../trace');
const old = new EventEmitter();
old.pause = () => show('old.pause');
old.resume = () => show('old.resume');
old.describe = () => 'old stream';
const sock = new net.Socket({ readableHighWaterMark: 4 });
sock.wrap(old);
show('copied', typeof sock.describe, sock.describe(), typeof sock.emitWarning);
old.emit('data', Buffer.from('abcdef'));
show('length', sock.readableLength);
old.emit('data', 'str');
show('length', sock.readableLength);
setImmediate(() => {
  show('read(2)', sock.read(2));
  show('read()', sock.read());
  sock.on('end', () => show('end', sock.readableLength));
  old.emit('end');
  sock.resume();
});
