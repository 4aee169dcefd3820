'use strict';
// new net.Server keeps a truthy allowHalfOpen as given (options.allowHalfOpen || false)
// and turns pauseOnConnect, noDelay, keepAlive into booleans (!!); a Socket's
// allowHalfOpen is a boolean. Truthiness is JavaScript's: {} and [] are true.
const net = require('net');
const { show } = require('../../trace');

for (const v of ['yes', 0, 1, 2.5, '', null, undefined, {}, [], 'false']) {
  const opts = { allowHalfOpen: v, pauseOnConnect: v, noDelay: v, keepAlive: v };
  const server = net.createServer(opts);
  const socket = new net.Socket(opts);
  show(v, server.allowHalfOpen, typeof server.allowHalfOpen, server.pauseOnConnect,
       server.noDelay, server.keepAlive, socket.allowHalfOpen);
}
for (const v of [1500, 999, 0, -5, NaN]) {
  show('keepAliveInitialDelay', v, net.createServer({ keepAliveInitialDelay: v }).keepAliveInitialDelay);
}
for (const v of [1500, 1.5, 0, -1, undefined]) {
  show('highWaterMark', v, net.createServer({ highWaterMark: v }).highWaterMark);
}
