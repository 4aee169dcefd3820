// covers: socket.wrap, socket.toArray
'use strict';
// A socket wrapping an old stream reads like any other: toArray() collects what
// read() returns until the old stream's 'end', then destroys the socket
// (shown at exit: the order of toArray's result and 'close' is no part of it).
const net = require('net');
const EventEmitter = require('events');
const { show } = require('../../trace');
const old = new EventEmitter();
const sock = new net.Socket().wrap(old);
let closed = false;
sock.on('close', () => { closed = sock.destroyed; });
setImmediate(() => {
  old.emit('data', Buffer.from('ab'));
  old.emit('data', Buffer.from('cd'));
  setImmediate(() => old.emit('end'));
});
sock.toArray().then((chunks) => process.on('exit', () => show('toArray', chunks, 'closed destroyed', closed)));
