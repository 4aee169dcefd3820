// covers: emitter.removeListener, emitter.removeAllListeners, emitter.once, 'removeListener'
'use strict';
// A stream (here a net.Socket) is an EventEmitter in Node's "shape mode":
// removing an event's only listener is not announced with 'removeListener';
// removing one of several is. A plain EventEmitter announces both.
const net = require('net');
const { EventEmitter } = require('events');
const { show } = require('../../trace');

for (const [name, e] of [['EventEmitter', new EventEmitter()], ['Socket', new net.Socket()]]) {
  const f = () => {};
  const g = () => {};
  e.on('removeListener', (event) => show(name, 'removeListener', event));
  show(name, 'only listener');
  e.on('x', f);
  e.removeListener('x', f);
  show(name, 'one of two, then the last');
  e.on('y', f);
  e.on('y', g);
  e.removeListener('y', f);
  e.removeListener('y', g);
  show(name, 'once, emitted');
  e.once('z', f);
  e.emit('z');
  show(name, 'removeAllListeners(w)');
  e.on('w', f);
  e.removeAllListeners('w');
  show(name, 'off, two of one event');
  e.on('v', f);
  e.on('v', g);
  e.off('v', g);
  e.off('v', f);
  show(name, 'listenerCount', e.listenerCount('x'), e.listenerCount('y'), e.listenerCount('v'));
}


