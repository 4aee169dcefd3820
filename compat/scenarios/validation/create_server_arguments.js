// covers: net.createServer, net.Server, options.highWaterMark, options.keepAliveInitialDelay, ERR_INVALID_ARG_TYPE
'use strict';
// What createServer() and the Server constructor throw on. A connection
// listener that is not a function is ignored, not an error.
const net = require('net');
const { show } = require('../../trace');

function kind(err) {
  return err instanceof RangeError ? 'RangeError' : err instanceof TypeError ? 'TypeError' : 'Error';
}
function attempt(label, make) {
  try {
    const server = make();
    show(label, 'ok', server.listening, server.listenerCount('connection'));
  } catch (err) {
    show(label, err.code, err.message, kind(err));
  }
}

const listener = () => {};
attempt('string options', () => net.createServer('x'));
attempt('number options', () => net.createServer(5));
attempt('true options', () => net.createServer(true));
attempt('string options with listener', () => net.createServer('x', listener));
attempt('undefined options', () => net.createServer(undefined));
attempt('no arguments', () => net.createServer());
attempt('listener only', () => net.createServer(listener));
attempt('empty options and listener', () => net.createServer({}, listener));
attempt('listener not a function', () => net.createServer({}, 'x'));
attempt('listener number', () => net.createServer({}, 5));
attempt('highWaterMark string', () => net.createServer({ highWaterMark: 'x' }));
attempt('highWaterMark true', () => net.createServer({ highWaterMark: true }));
attempt('keepAliveInitialDelay string', () => net.createServer({ keepAliveInitialDelay: 'x' }));
attempt('keepAliveInitialDelay -1', () => net.createServer({ keepAliveInitialDelay: -1 }));
attempt('noDelay string', () => net.createServer({ noDelay: 'x' }));
attempt('pauseOnConnect string', () => net.createServer({ pauseOnConnect: 'x' }));
attempt('allowHalfOpen number', () => net.createServer({ allowHalfOpen: 1 }));
attempt('keepAlive string', () => net.createServer({ keepAlive: 'x' }));
attempt('Server string options', () => new net.Server('x'));
attempt('Server number options', () => new net.Server(5));
attempt('Server listener only', () => new net.Server(listener));
attempt('Server options and listener', () => new net.Server({ allowHalfOpen: true }, listener));
