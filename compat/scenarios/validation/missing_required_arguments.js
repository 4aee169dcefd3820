// covers: events.once, process.setUncaughtExceptionCaptureCallback, setTimeout, setInterval, setImmediate, process.nextTick, clearTimeout, clearInterval, clearImmediate, Server.getConnections, ERR_INVALID_ARG_TYPE
'use strict';
// Calls that leave out a required argument: Node's own error, or Node
// accepting the call, never a language-level arity error.
const net = require('net');
const events = require('events');
const { show } = require('../../trace');

function kind(err) {
  return err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
}
function attempt(label, fn) {
  try {
    const result = fn();
    show(label, 'ok', result);
  } catch (err) {
    show(label, err.code, err.message, kind(err));
  }
}

attempt('setTimeout()', () => setTimeout());
attempt('setInterval()', () => setInterval());
attempt('setImmediate()', () => setImmediate());
attempt('nextTick()', () => process.nextTick());
attempt('clearTimeout()', () => clearTimeout());
attempt('clearInterval()', () => clearInterval());
attempt('clearImmediate()', () => clearImmediate());
attempt('setUncaughtExceptionCaptureCallback()', () => process.setUncaughtExceptionCaptureCallback());
const server = net.createServer();
attempt('getConnections()', () => server.getConnections());
server.getConnections((err, count) => {
  show('getConnections(cb)', err, count);
  // events.once() rejects; gnet's blocking once() raises the same TypeError.
  events.once().catch((err) => show('once()', err.code, err.message, kind(err)));
  // Without a name, the wait is for the event named undefined.
  const emitter = new events.EventEmitter();
  setImmediate(() => emitter.emit(undefined, 1));
  events.once(emitter).then((args) => show('once(emitter)', args));
});
