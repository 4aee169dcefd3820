// covers: net.Socket, net.Stream, options.fd, options.allowHalfOpen, options.readable, options.writable, options.onread, options.noDelay, options.keepAlive, options.keepAliveInitialDelay, ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE
'use strict';
// What new net.Socket(options) throws on, and what it takes. Each socket
// made is never connected, and is destroyed at once.
const net = require('net');
const { show } = require('../../trace');

function kind(err) {
  return err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
}
function attempt(label, make) {
  try {
    const sock = make();
    show(label, 'ok', sock.readyState, sock.destroyed);
    sock.destroy();
  } catch (err) {
    show(label, err.code, err.message, kind(err));
  }
}

const cb = () => {};
attempt('no options', () => new net.Socket());
attempt('undefined', () => new net.Socket(undefined));
attempt('empty object', () => new net.Socket({}));
attempt('string', () => new net.Socket('x'));
attempt('true', () => new net.Socket(true));
attempt('number -1 is an fd', () => new net.Socket(-1));
attempt('fd -1', () => new net.Socket({ fd: -1 }));
attempt('fd string', () => new net.Socket({ fd: 'x' }));
attempt('fd 1.5', () => new net.Socket({ fd: 1.5 }));
attempt('fd 2**31', () => new net.Socket({ fd: 2 ** 31 }));
attempt('fd NaN', () => new net.Socket({ fd: NaN }));
attempt('fd true', () => new net.Socket({ fd: true }));
attempt('fd undefined', () => new net.Socket({ fd: undefined }));
attempt('allowHalfOpen string', () => new net.Socket({ allowHalfOpen: 'x' }));
attempt('readable number', () => new net.Socket({ readable: 1, writable: 0 }));
attempt('onread string', () => new net.Socket({ onread: 'x' }));
attempt('onread number buffer', () => new net.Socket({ onread: { buffer: 5, callback: cb } }));
attempt('onread no callback', () => new net.Socket({ onread: { buffer: Buffer.alloc(8) } }));
attempt('onread good', () => new net.Socket({ onread: { buffer: Buffer.alloc(8), callback: cb } }));
attempt('noDelay string', () => new net.Socket({ noDelay: 'x' }));
attempt('keepAlive string', () => new net.Socket({ keepAlive: 'x' }));
attempt('keepAliveInitialDelay string', () => new net.Socket({ keepAliveInitialDelay: 'x' }));
attempt('keepAliveInitialDelay true', () => new net.Socket({ keepAliveInitialDelay: true }));
attempt('keepAliveInitialDelay -1', () => new net.Socket({ keepAliveInitialDelay: -1 }));
attempt('keepAliveInitialDelay NaN', () => new net.Socket({ keepAliveInitialDelay: NaN }));
attempt('timeout string is ignored', () => new net.Socket({ timeout: 'x' }));
attempt('Stream alias', () => new net.Stream({ allowHalfOpen: true }));
