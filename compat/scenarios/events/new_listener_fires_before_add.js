// covers: EventEmitter 'newListener', EventEmitter.once, EventEmitter.on
'use strict';
const { show } = require('../../trace');
const EventEmitter = require('events');

const e = new EventEmitter();
function onX() {}
e.on('newListener', (name, listener) => {
  show('newListener', name, listener, e.listenerCount(name));
});
e.on('x', onX);
e.once('x', onX);
e.prependOnceListener('y', onX);
e.on('newListener', function second() {});
show('counts', e.listenerCount('x'), e.listenerCount('y'), e.listenerCount('newListener'));
