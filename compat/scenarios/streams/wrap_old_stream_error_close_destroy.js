// covers: socket.wrap
'use strict';
// The wrapped stream's 'error' destroys the socket with that error; its
// 'close', or a 'destroy' event, destroys it without one. A chunk that is no
// string or buffer destroys it with ERR_INVALID_ARG_TYPE.
const net = require('net');
const EventEmitter = require('events');
const { show } = require('../../trace');
for (const [event, arg] of [['error', new RangeError('old failed')], ['close'], ['destroy'], ['data', 42]]) {
  const old = new EventEmitter();
  const sock = new net.Socket();
  sock.wrap(old);
  sock.on('data', () => {});
  sock.on('error', (err) => show(event, 'error', err, err.message));
  sock.on('close', () => show(event, 'close', sock.destroyed));
  old.emit(event, arg);
  show(event, 'destroyed', sock.destroyed);
}
