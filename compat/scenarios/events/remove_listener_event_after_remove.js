// covers: EventEmitter 'removeListener', EventEmitter.off, EventEmitter.once
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function onX() {}
function other() {}
e.on('removeListener', (name, listener) => {
  show('removeListener', name, listener, e.listenerCount(name));
});
// A once wrapper removed by itself while alone: Node passes the original.
e.once('x', onX);
e.emit('x');
// Removed through the wrapper while alone: still the original.
e.once('x', onX);
e.off('x', e.rawListeners('x')[0]);
// Removed through the wrapper while others remain: Node passes the wrapper.
e.once('x', onX);
e.on('x', other);
e.off('x', e.rawListeners('x')[0]);
// Removing what is not there announces nothing.
e.off('x', onX);
e.off('nothing', onX);
show('left', e.listeners('x'));
